#pragma once
// What a report shows of a sweep folder (`sentra sweep`, docs/experiments.md "What it
// writes"), read back from its runs.h5: the design, the factors and outcomes, the outcome
// means per design point, the failed runs and, for Sobol and Morris designs, the indices.
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "output/hdf5_reader.hpp"

namespace sentra::report {

// A group of 1-D columns as stored: each column text or numbers.
struct Column {
  std::string name;
  bool is_text = false;
  std::vector<std::string> texts;
  std::vector<double> numbers;
  std::size_t size() const { return is_text ? texts.size() : numbers.size(); }
};
struct Table {
  std::vector<Column> columns;
  std::size_t rows() const { return columns.empty() ? 0 : columns.front().size(); }
  const Column* find(const std::string& name) const;
};

// Reads every 1-D dataset of `group` in creation order.
Table read_table(const output::Hdf5Reader& reader, const std::string& group);

struct FailedRun {
  std::size_t design_point = 0, replicate = 0;
  std::string error;
};

struct SweepResults {
  std::filesystem::path folder, runs_file;
  std::string experiment, design, program_version, created_utc;
  std::size_t design_points = 0, replicates = 0, runs = 0, failed_runs = 0, steps = 0;
  Table factors;   // /factors
  Table outcomes;  // /outcomes
  Table design_table;  // /design
  std::vector<std::string> factor_keys, outcome_names;
  std::vector<FailedRun> failed;
  std::string sensitivity_method;  // "sobol", "morris" or empty
  Table sensitivity;               // /sensitivity when present
};

SweepResults read_sweep(const output::Hdf5Reader& reader, const std::filesystem::path& folder);

}  // namespace sentra::report
