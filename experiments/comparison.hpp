#pragma once
// A comparison of scenarios on replicated runs: for each outcome, the mean over replicates
// of each scenario with its t interval, and the paired difference from scenario 0
// (replicate r of scenario k minus replicate r of scenario 0, which common random numbers
// make meaningful pair by pair). The same statistics step by step give the bands of
// charts. Pure arithmetic on arrays: no files, no model.
#include <cstddef>
#include <span>
#include <vector>

#include "experiments/outcome.hpp"
#include "experiments/statistics.hpp"

namespace sentra::experiments {

// The outcome series of every run: value[outcome][scenario][replicate][step], one block of
// memory. Each run fills its own series, so runs can fill it from different threads.
class ReplicatedSeries {
 public:
  ReplicatedSeries(std::size_t outcomes, std::size_t scenarios, std::size_t replicates, std::size_t steps);

  std::span<double> series(std::size_t outcome, std::size_t scenario, std::size_t replicate);
  std::span<const double> series(std::size_t outcome, std::size_t scenario, std::size_t replicate) const;

  std::size_t outcomes() const { return outcomes_; }
  std::size_t scenarios() const { return scenarios_; }
  std::size_t replicates() const { return replicates_; }
  std::size_t steps() const { return steps_; }

 private:
  std::size_t outcomes_, scenarios_, replicates_, steps_;
  std::vector<double> values_;
};

struct OutcomeComparison {
  std::vector<std::vector<double>> values;  // [scenario][replicate]: the reduced outcome of each run
  std::vector<Interval> mean;               // [scenario]
  std::vector<Interval> difference;         // [scenario]: paired, minus scenario 0 (0 for scenario 0 itself)
  // Step by step, [step * scenarios + scenario]: the mean over replicates of the series and
  // the paired difference of the series, each with its interval.
  std::vector<Interval> series_mean;
  std::vector<Interval> series_difference;
};

// One entry per outcome of `runs`. Needs at least one scenario; intervals need at least two
// replicates (with one they are NaN).
std::vector<OutcomeComparison> compare_scenarios(const ReplicatedSeries& runs, const OutcomeReduction& reduction,
                                                 double confidence = 0.95);

}  // namespace sentra::experiments
