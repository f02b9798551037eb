#pragma once
// Writes the results table of a sweep (`sentra sweep`) to one HDF5 file, runs.h5: the
// experiment's provenance as root attributes and /provenance, and tables of 1-D columns
// (/scenarios, /factors, /outcomes, /design, /runs, /sensitivity; layout in
// docs/experiments.md). Each run's own series are in its own run file, written by
// RunWriter; this file holds one row per run. Like the other writers it knows nothing of
// the model or the statistics: it stores the tables it is given.
//
// Written as "<target>.partial" and renamed to <target> by commit(); a writer destroyed
// without commit() removes the .partial.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "engine/table.hpp"
#include "output/table_group.hpp"

namespace sentra::output {

struct SweepInfo {
  std::string program_version, git_commit, command_line;
  std::string created_utc;      // ISO 8601; the writer fills in the current time when empty
  std::string experiment_name;
  std::string experiment_file;  // as given on the command line
  std::string design;           // the design's type
  std::string experiment_yaml;  // the experiment file as given
  std::string resolved_yaml;    // the experiment as run (DIR/experiment.yaml)
  std::int64_t design_points = 0;
  std::int64_t replicates = 0;
  std::int64_t runs = 0;
  std::int64_t failed_runs = 0;
  std::int64_t steps = 0;
  std::uint64_t base_seed = 0;
  std::string seed_rule;  // how run seeds follow from base_seed, in words
  int threads = 1;
  int concurrent_runs = 1;
  std::string currency_unit = "million IDR";
  std::string step_unit = "month";
  std::vector<std::pair<std::string, std::string>> library_versions;  // as in RunInfo
};

using AttributeValue = std::variant<std::string, std::int64_t, double>;

class SweepWriter {
 public:
  SweepWriter(std::filesystem::path target, const SweepInfo& info);
  SweepWriter(const SweepWriter&) = delete;
  SweepWriter& operator=(const SweepWriter&) = delete;
  ~SweepWriter();

  // Group `name` holding a table along the dimension `dimension` (write_table_group), with
  // `attributes` on the group.
  void write_table(const std::string& name, const std::string& dimension, const std::string& dimension_description,
                   const std::vector<TextColumn>& text, const Table& table,
                   const std::vector<std::pair<std::string, AttributeValue>>& attributes = {});

  // Flushes, closes and renames the .partial to the target.
  void commit();

  const std::filesystem::path& target() const { return target_; }
  const std::filesystem::path& partial_path() const { return partial_; }

 private:
  struct Impl;
  std::filesystem::path target_;
  std::filesystem::path partial_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sentra::output
