#pragma once
// Outcomes: scalar reductions of a run's aggregate series, the numbers scenarios are
// compared on. An outcome is named after its series (`/aggregates/<name>` in a run file)
// and reduced as the mean over the last `window` steps of the run, or over every step when
// the run is shorter: end-of-run levels, with a year's averaging against monthly noise.
#include <cstddef>
#include <cstdint>
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

// Splits "a,b, c" into names (spaces around names ignored, empty names dropped).
std::vector<std::string> split_outcome_list(const std::string& list);

// Throws std::invalid_argument for an empty list, a name listed twice, or a name that is not
// one of `available` (with the closest available name, "did you mean 'sme_output'?", and
// the full list).
void check_outcomes(const std::vector<std::string>& outcomes, const std::vector<std::string>& available);

}  // namespace sentra::experiments
