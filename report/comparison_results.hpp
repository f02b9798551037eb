#pragma once
// What a report shows of a comparison file (`sentra compare`, docs/experiments.md "The
// comparison file"), read back: per outcome and scenario the mean and the paired difference
// with their intervals (/summary), and the same month by month (/series).
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "output/hdf5_reader.hpp"

namespace sentra::report {

// An interval estimate: value and its lower and upper bounds.
struct Estimate {
  double value = 0, lower = 0, upper = 0;
};

struct ComparedOutcome {
  std::string name, units;
  std::vector<Estimate> mean;        // [K]
  std::vector<Estimate> difference;  // [K]; scenario 0 (the reference) is 0
  // [T, K] month by month; empty when the file has no series for this outcome.
  output::Matrix series_mean, series_lower, series_upper;
  output::Matrix difference_mean, difference_lower, difference_upper;
};

struct ComparisonResults {
  std::filesystem::path file;
  std::string program_version, created_utc, step_unit, reduction, interval, seed_rule;
  std::vector<std::string> scenarios;  // labels; the first is the reference
  std::size_t replicates = 0;
  std::size_t steps = 0;
  std::size_t reduction_window = 0;
  double confidence = 0.95;
  std::vector<double> series_steps;  // [T]
  std::vector<ComparedOutcome> outcomes;
};

// `reader` holds a file whose format attribute is "sentra-comparison". Throws
// std::runtime_error naming the object when a part is missing.
ComparisonResults read_comparison(const output::Hdf5Reader& reader);

}  // namespace sentra::report
