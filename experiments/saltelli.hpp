#pragma once
// Variance-based sensitivity analysis by Saltelli's scheme: which factors drive an
// outcome, alone (first-order index S1) and with their interactions (total-order index ST).
//
// Sampling (Saltelli 2002; Saltelli et al. 2010): two independent N x k matrices A and B,
// here the first and last k coordinates of points 1..N of a 2k-dimensional Sobol sequence
// (point 0, the origin, is left out), and for each factor i the matrix AB_i: A with column
// i taken from B. That is N (k + 2) model evaluations, laid out as SALib lays them out
// (so its analyzers read our outcomes directly): for each j, the rows A_j, AB_1j, ...,
// AB_kj, B_j.
//
// Estimators, with f_A = f(A_j) etc. and V the variance of all f_A and f_B together:
//   S1_i = mean_j( (f_B - m) (f_ABi - f_A) ) / V  (Saltelli et al. 2010, table 2 (b), with
//                                                  f_B centred on m, the mean of f_A and f_B)
//   ST_i = mean_j( (f_A - f_ABi)^2 ) / (2 V)      (Jansen 1999; Saltelli et al. 2010 (f))
// Intervals: percentile bootstrap over the N rows (each resample draws N values of j with
// replacement and recomputes V and both indices). The resampling draws come from a
// counter-based stream keyed by the seed, so the intervals are the same on every run.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace sentra::experiments {

// The N (k + 2) points in [0, 1)^k, in the order above. Throws std::invalid_argument when
// 2k exceeds the Sobol sequence's dimensions or N is 0.
std::vector<std::vector<double>> saltelli_points(std::size_t samples, std::size_t factors);

// Row of point A_j, B_j, AB_ij in that layout.
inline std::size_t saltelli_row_a(std::size_t j, std::size_t factors) { return j * (factors + 2); }
inline std::size_t saltelli_row_ab(std::size_t j, std::size_t i, std::size_t factors) {
  return j * (factors + 2) + 1 + i;
}
inline std::size_t saltelli_row_b(std::size_t j, std::size_t factors) { return j * (factors + 2) + factors + 1; }

struct IndexEstimate {
  double value = 0;
  double lower = 0;  // percentile bootstrap interval
  double upper = 0;
};

struct SobolIndices {
  std::vector<IndexEstimate> first;  // [factor]
  std::vector<IndexEstimate> total;  // [factor]
  double variance = 0;               // V: of f(A) and f(B) together (divisor 2N)
};

// The indices of outcome values `y` (N (k + 2) of them, in saltelli_points order).
// `resamples` bootstrap resamples (0: no interval, lower = upper = NaN) for a two-sided
// interval at `confidence`. Any NaN in y, or V = 0, gives NaN indices.
SobolIndices sobol_indices(std::span<const double> y, std::size_t samples, std::size_t factors,
                           std::size_t resamples = 1000, std::uint64_t seed = 1, double confidence = 0.95);

// The q-quantile (0 <= q <= 1) of `values` by linear interpolation between order
// statistics (R's type 7, NumPy's default). Sorts a copy. NaN for an empty span.
double quantile(std::span<const double> values, double q);

}  // namespace sentra::experiments
