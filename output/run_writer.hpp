#pragma once
// Writes one simulation run to an HDF5 file as the model steps (layout: docs/output.md).
// The writer knows nothing about the model: it stores whatever columns the
// observations carry, with their units and descriptions.
//
// The file is written as "<target>.partial" and renamed to <target> by commit(), so a
// crashed or interrupted run never leaves a truncated file under the real name, and an
// existing <target> is untouched until the new run completes.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "engine/table.hpp"
#include "output/writer_options.hpp"

namespace sentra::output {

// Provenance stored in the file's root attributes and /provenance.
struct RunInfo {
  std::string program_version, git_commit, scenario_name;
  std::string scenario_yaml;  // the file as given
  std::string resolved_yaml;  // after extends/defaults/--set
  std::string command_line;
  std::uint64_t seed = 0;
  int threads = 1;
  std::string created_utc;  // ISO 8601; the writer fills in the current time when empty
  std::string currency_unit = "million IDR";
  std::string step_unit = "month";
  std::vector<std::string> region_names;  // one per row of StepObservation::regions
  // e.g. {"yaml-cpp", "0.7.0"} becomes root attribute "yaml-cpp_version". "hdf5_version"
  // is always written from the HDF5 library actually linked.
  std::vector<std::pair<std::string, std::string>> library_versions;
};

// A scenario event as it was actually applied.
struct EventRecord {
  std::int64_t step;
  std::string key;
  std::int64_t region;
  double value;
};

class RunWriter {
 public:
  // Creates "<target>.partial" (replacing a stale one) and writes the run metadata.
  // Throws std::runtime_error naming the file if it cannot be created.
  RunWriter(std::filesystem::path target, const RunInfo& info, WriterOptions options = {});
  RunWriter(const RunWriter&) = delete;
  RunWriter& operator=(const RunWriter&) = delete;
  RunWriter(RunWriter&&) noexcept;  // so it can live in a std::optional or be returned
  // If commit() was not called: closes and removes the .partial; the target is untouched.
  ~RunWriter();

  // Appends one step. Agent and network tables are written only when present in `obs`.
  // Throws std::logic_error for a step that does not increase or a column set that
  // differs from the first step's (a programming error); the writer is unchanged then.
  void write_step(const StepObservation& obs);
  // Appends events actually applied (call once at the end, or several times).
  void write_events(const std::vector<EventRecord>& events);
  // Flushes, closes and renames the .partial to the target (replacing it atomically).
  void commit();

  // Chunk length of a snapshot table (agents of one kind, edges of one layer): its first
  // snapshot's rows rounded up to a power of two, at least 1,024 and at most `most`
  // (WriterOptions::chunk_elements).
  static std::size_t snapshot_chunk_rows(std::size_t first_rows, std::size_t most);

  const std::filesystem::path& target() const { return target_; }
  const std::filesystem::path& partial_path() const { return partial_; }

 private:
  struct Impl;
  std::filesystem::path target_;
  std::filesystem::path partial_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sentra::output
