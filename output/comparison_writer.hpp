#pragma once
// Writes a scenario comparison (`sentra compare`) to one HDF5 file: every run's series, the
// runs table, the summary the report prints, and per-step means with their intervals for
// charts (layout: docs/experiments.md). Like RunWriter it knows nothing of the model or of
// the statistics: it stores the tables and columns it is given.
//
// The file is written as "<target>.partial" and renamed to <target> by commit(); until then
// an existing <target> is untouched, and a writer destroyed without commit() removes the
// .partial.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "engine/table.hpp"
#include "output/table_group.hpp"
#include "output/writer_options.hpp"

namespace sentra::output {

struct ComparedScenario {
  std::string name;           // the scenario's `name`
  std::string label;          // as the report prints it (names made unique)
  std::string file;           // the path given on the command line
  std::string scenario_yaml;  // the file as given
  std::string resolved_yaml;  // after extends/defaults/--set
};

// Provenance and design, stored as root attributes, /provenance and /scenarios.
struct ComparisonInfo {
  std::string program_version, git_commit, command_line;
  std::string created_utc;  // ISO 8601; the writer fills in the current time when empty
  std::vector<ComparedScenario> scenarios;
  std::int64_t replicates = 0;
  std::int64_t steps = 0;
  std::uint64_t base_seed = 0;
  std::string seed_rule;          // how replicate seeds follow from base_seed, in words
  std::string outcome_reduction;  // how a run's series becomes one outcome value, in words
  std::int64_t reduction_window = 0;
  double confidence = 0.95;
  std::string interval;           // what the intervals are, in words
  int threads = 1;                // worker threads of the whole comparison
  int concurrent_runs = 1;        // runs simulated at once
  std::string currency_unit = "million IDR";
  std::string step_unit = "month";
  std::vector<std::pair<std::string, std::string>> library_versions;  // as in RunInfo
};

class ComparisonWriter {
 public:
  // Creates "<target>.partial" and writes the root attributes, /provenance and /scenarios.
  ComparisonWriter(std::filesystem::path target, const ComparisonInfo& info, WriterOptions options = {});
  ComparisonWriter(const ComparisonWriter&) = delete;
  ComparisonWriter& operator=(const ComparisonWriter&) = delete;
  ~ComparisonWriter();

  // "run/s<scenario>_r<replicate>": where write_run puts a run, relative to the root.
  static std::string run_path(std::size_t scenario, std::size_t replicate);

  // Stores one run's aggregate and regional series (agent and network tables are not
  // stored) under run_path(), with attributes scenario, replicate and seed.
  void write_run(std::size_t scenario, std::size_t replicate, std::uint64_t seed,
                 const std::vector<std::string>& region_names, const std::vector<StepObservation>& steps);

  // /runs: one row per run (write_table_group, dimension "run").
  void write_runs(const std::vector<TextColumn>& text, const Table& table);
  // /summary: one row per (outcome, scenario) (dimension "row").
  void write_summary(const std::vector<TextColumn>& text, const Table& table);
  // /series: `step` [T], `scenario` [K] and `name` [K] coordinates, and each column as a
  // [T, K] dataset; a column's data holds T * K values, step-major.
  void write_series(const std::vector<std::int64_t>& steps, const std::vector<Column>& columns);

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
