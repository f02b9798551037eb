#pragma once
// An experiment's design made concrete: the list of design points, each a scenario and a
// value for every factor, in the order they are run and reported (design order). The
// generators (full_factorial, latin_hypercube, saltelli, morris) work on level indices or
// the unit cube; this is where their numbers become factor values (Factor::at, level).
//
// In unit designs (Latin hypercube, Sobol, Morris) a scenario factor (`scenarios:`) is one
// more dimension, the first, whose unit interval is split evenly among the scenarios; the
// sensitivity analyses then report it as the factor "scenario".
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "experiments/experiment.hpp"
#include "experiments/morris.hpp"

namespace sentra::experiments {

struct DesignPoint {
  std::size_t scenario = 0;    // index into Experiment::scenarios
  std::vector<double> values;  // one per factor, in Experiment::factors order
};

struct Design {
  std::vector<DesignPoint> points;
  // The dimensions a sensitivity analysis reports, in the unit design's column order:
  // "scenario" (when the scenarios vary) and then the factors' keys.
  std::vector<std::string> dimensions;
  std::size_t sobol_samples = 0;             // sobol: N
  std::optional<MorrisTrajectories> morris;  // morris: the trajectories, for the effects
};

// Deterministic: the same experiment always gives the same points, bit for bit.
Design make_design(const Experiment& experiment);

// Formats index i of n with at least `min_width` digits and as many as n - 1 needs:
// zero_padded(7, 120, 4) = "0007". For run file names that sort in design order.
std::string zero_padded(std::size_t i, std::size_t n, std::size_t min_width);

}  // namespace sentra::experiments
