#pragma once
// Morris's elementary-effects screening (Morris 1991; mu* from Campolongo, Cariboni and
// Saltelli 2007): a cheap first look at which of many factors matter, r (k + 1) runs for k
// factors.
//
// Each trajectory starts at a random point of a p-level grid on [0, 1]^k and moves one
// factor at a time, in a random order, by +Delta or -Delta, Delta = p / (2 (p - 1)) (half
// the grid's levels), so every step stays on the grid and inside the cube. The elementary
// effect of the factor moved at a step is the outcome's change divided by the signed move:
// EE = (y_s - y_{s-1}) / (x_s - x_{s-1}), in outcome units per unit of the factor's range
// (as SALib reports them). Over the r trajectories: mu = mean EE, mu* = mean |EE|,
// sigma = standard deviation of EE (divisor r - 1). mu* ranks importance; sigma large
// against mu* means interactions or non-linearity.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace sentra::experiments {

struct MorrisTrajectories {
  std::size_t trajectories = 0;
  std::size_t factors = 0;
  std::size_t levels = 0;  // p
  double delta = 0;        // p / (2 (p - 1))
  // r (k + 1) points in [0, 1]^k, trajectory-major: point s of trajectory t is row
  // t (k + 1) + s.
  std::vector<std::vector<double>> points;
  // moved[t * k + s - 1]: the factor that changes from point s - 1 to point s.
  std::vector<std::size_t> moved;
};

// Throws std::invalid_argument unless trajectories >= 1, factors >= 1 and levels is even
// and at least 2. Random choices come from a counter-based stream keyed by `seed`.
MorrisTrajectories morris_trajectories(std::size_t trajectories, std::size_t factors, std::size_t levels,
                                       std::uint64_t seed);

struct MorrisEffect {
  double mu_star = 0;
  double mu = 0;
  double sigma = 0;  // NaN with one trajectory
};

// One entry per factor, from the outcome at every point (y in the order of design.points).
// Any NaN among a factor's effects makes that factor's statistics NaN.
std::vector<MorrisEffect> morris_effects(const MorrisTrajectories& design, std::span<const double> y);

}  // namespace sentra::experiments
