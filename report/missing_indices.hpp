#pragma once
// Which of an outcome's sensitivity indices are n/a, and why, in words. The sweep's
// printout says why ("12 design points have no value (every replicate failed)"); a report
// says the same beside its table, and in place of a chart that would have nothing to draw.
#include <cstddef>
#include <string>
#include <vector>

#include "report/sweep_results.hpp"

namespace sentra::report {

struct MissingFactor {
  std::string factor;
  std::vector<std::string> indices;  // the n/a ones, as the table names them: "S1", "mu_star", ...
};

struct MissingIndices {
  std::vector<MissingFactor> factors;  // factors with at least one n/a index, in table order
  std::size_t values = 0, missing = 0;  // indices looked at, and how many of them are n/a
  std::string reason;                   // why, when the results tell; else empty
  bool any() const { return missing > 0; }
  bool all() const { return missing > 0 && missing == values; }
};

// `outcome`'s rows of s.sensitivity: S1 and ST (Sobol) or mu_star, mu and sigma (Morris).
// The reason: design points of the outcome without a value (every replicate failed), or an
// outcome that does not vary (Sobol indices share out a variance of 0).
MissingIndices missing_indices(const SweepResults& s, const std::string& outcome);

// "sme.markup_min (S1, ST), social.trust_initial (ST)".
std::string missing_factors_text(const MissingIndices& m);

// One sentence, or empty when no index is n/a: "income: every index is n/a: 12 of 32
// design points have no value (every replicate failed)."
std::string missing_indices_text(const MissingIndices& m, const std::string& outcome);

}  // namespace sentra::report
