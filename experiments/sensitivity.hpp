#pragma once
// The sensitivity analysis a design calls for, on the replicate mean of each outcome at each
// design point: Sobol first- and total-order indices with bootstrap intervals for a sobol
// design (saltelli.hpp), Morris's mu*, mu and sigma for a morris design (morris.hpp),
// nothing for the others. Indices on replicate means measure how the factors move the
// outcome's expected value; the run-to-run noise left in the means (less with more
// replicates) shows up as a small spurious share of variance.
#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "experiments/design.hpp"
#include "experiments/experiment.hpp"
#include "experiments/morris.hpp"
#include "experiments/saltelli.hpp"

namespace sentra::experiments {

enum class SensitivityMethod { none, sobol, morris };

struct OutcomeSensitivity {
  std::string outcome;
  std::size_t points_without_value = 0;  // design points whose every replicate failed
  SobolIndices sobol;                    // sobol designs
  std::vector<MorrisEffect> morris;      // morris designs, one per dimension
};

struct Sensitivity {
  SensitivityMethod method = SensitivityMethod::none;
  std::vector<std::string> dimensions;  // Design::dimensions
  std::size_t samples = 0;              // sobol: N; morris: trajectories r
  std::size_t resamples = 0;            // sobol: bootstrap resamples
  double confidence = 0.95;
  std::vector<OutcomeSensitivity> outcomes;
};

// Mean over the replicates of each design point, in index order, over the finite values
// only (failed runs are NaN); NaN for a point with none. `runs` holds points * replicates
// values, design-point-major.
std::vector<double> replicate_means(std::span<const double> runs, std::size_t points, std::size_t replicates);

// `means[o]` holds outcome o's replicate means, one per design point. A method with a
// point without a value gives NaN statistics for that outcome.
Sensitivity analyse_sensitivity(const Experiment& experiment, const Design& design,
                                const std::vector<std::vector<double>>& means);

// The printed form: one row per outcome and dimension, a preamble naming the estimators,
// the sample sizes and how to read the numbers. Empty for SensitivityMethod::none.
std::string sensitivity_report(const Sensitivity& s);

}  // namespace sentra::experiments
