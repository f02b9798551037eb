#include "experiments/design.hpp"

#include <cmath>
#include <stdexcept>

#include "experiments/experiment_loader.hpp"
#include "experiments/full_factorial.hpp"
#include "experiments/latin_hypercube.hpp"
#include "experiments/saltelli.hpp"

namespace sentra::experiments {
namespace {

// A point of the unit cube as a design point: column 0 is the scenario when the scenarios
// vary, the rest are the factors in order.
DesignPoint from_unit(const Experiment& e, const std::vector<double>& u) {
  DesignPoint p;
  std::size_t column = 0;
  if (e.scenario_factor) {
    const std::size_t k = e.scenarios.size();
    const auto slot = static_cast<std::size_t>(std::floor(u[column++] * double(k)));
    p.scenario = slot < k ? slot : k - 1;
  }
  for (const Factor& f : e.factors) p.values.push_back(f.at(u[column++]));
  return p;
}

}  // namespace

std::string zero_padded(std::size_t i, std::size_t n, std::size_t min_width) {
  std::string digits = std::to_string(i);
  const std::size_t width = std::max(min_width, std::to_string(n > 0 ? n - 1 : 0).size());
  if (digits.size() < width) digits.insert(0, width - digits.size(), '0');
  return digits;
}

Design make_design(const Experiment& e) {
  Design d;
  if (e.scenario_factor) d.dimensions.push_back("scenario");
  for (const Factor& f : e.factors) d.dimensions.push_back(f.key);
  const std::size_t k = d.dimensions.size();
  const DesignSpec& s = e.design;
  switch (s.type) {
    case DesignType::full_factorial: {
      std::vector<std::size_t> levels;
      if (e.scenario_factor) levels.push_back(e.scenarios.size());
      for (const Factor& f : e.factors) levels.push_back(f.has_range ? s.levels : f.values.size());
      for (const auto& index : full_factorial(levels, max_design_points)) {
        DesignPoint p;
        std::size_t column = 0;
        if (e.scenario_factor) p.scenario = index[column++];
        for (const Factor& f : e.factors) {
          const std::size_t n = f.has_range ? s.levels : f.values.size();
          p.values.push_back(f.level(index[column++], n));
        }
        d.points.push_back(std::move(p));
      }
      break;
    }
    case DesignType::list:
      for (const auto& written : s.points) d.points.push_back({written.scenario, written.values});
      break;
    case DesignType::latin_hypercube:
      for (const auto& u : latin_hypercube(s.samples, k, s.seed)) d.points.push_back(from_unit(e, u));
      break;
    case DesignType::sobol:
      d.sobol_samples = s.samples;
      for (const auto& u : saltelli_points(s.samples, k)) d.points.push_back(from_unit(e, u));
      break;
    case DesignType::morris:
      d.morris = morris_trajectories(s.trajectories, k, s.levels, s.seed);
      for (const auto& u : d.morris->points) d.points.push_back(from_unit(e, u));
      break;
  }
  if (d.points.empty()) throw std::logic_error("make_design: no points (the loader should have refused this design)");
  return d;
}

}  // namespace sentra::experiments
