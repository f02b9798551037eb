#pragma once
// Outcomes: scalar reductions of a run's aggregate series, the numbers scenarios are
// compared on. In `sentra compare` an outcome is named after its series
// (`/aggregates/<name>` in a run file) and reduced as the mean over the last `window` steps
// of the run, or over every step when the run is shorter: end-of-run levels, with a year's
// averaging against monthly noise. An experiment file (`sentra sweep`) names its outcomes
// and chooses each one's reduction (SeriesReduction).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace sentra::experiments {

// The default outcomes of `sentra compare`: SME output, employment and exports, survival
// of the starting firms, import share, intermediaries' margin, trust, partnerships and
// local revenue.
const std::vector<std::string>& default_outcomes();

struct OutcomeReduction {
  std::size_t window = 12;  // steps at the end of the run that are averaged

  // Index of the first step averaged in a series of `steps` values.
  std::size_t first(std::size_t steps) const { return steps > window ? steps - window : 0; }
  // Mean of the last min(window, n) values, summed in index order. NaN for an empty series.
  double reduce(std::span<const double> series) const;
  // "mean over steps 25-36, the last 12 of the run's 37 months", from the series' own step
  // labels; `unit` names one step.
  std::string describe(std::span<const std::int64_t> step_labels, const std::string& unit) const;
};

// How an experiment's outcome reduces its series: the last value, the mean, minimum or
// maximum over a window of steps, or the value at one step.
enum class Reduce { last, mean, min, max, at };

// "last", "mean", "min", "max", "at"; and back.
std::optional<Reduce> parse_reduce(const std::string& name);
const char* reduce_name(Reduce reduce);
const std::vector<std::string>& reduce_names();

// A named outcome of an experiment: `{name: income, series: sme_profit, reduce: mean,
// window: [24, 35]}`. Windows are in step labels (the run's months, from 0) and inclusive;
// for `at`, from = to = the step; `last` takes the series' final value.
struct SeriesReduction {
  std::string name;    // the outcome's column in the runs table
  std::string series;  // the aggregate series it reduces
  Reduce reduce = Reduce::mean;
  std::int64_t from = 0;
  std::int64_t to = 0;

  // The outcome of one run: `values[i]` is the series at step label `steps[i]`. Summed in
  // index order. NaN when no step falls in the window.
  double apply(std::span<const double> values, std::span<const std::int64_t> steps) const;
  // "mean of sme_profit over steps 24-35", "sme_profit at step 12", "last value of survival".
  std::string describe() const;
};

// Splits "a,b, c" into names (spaces around names ignored, empty names dropped).
std::vector<std::string> split_outcome_list(const std::string& list);

// Throws std::invalid_argument for an empty list, a name listed twice, or a name that is not
// one of `available` (with the closest available name, "did you mean 'sme_output'?", and
// the full list).
void check_outcomes(const std::vector<std::string>& outcomes, const std::vector<std::string>& available);

}  // namespace sentra::experiments
