#include "experiments/morris.hpp"

#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>

#include "engine/random.hpp"

namespace sentra::experiments {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();
constexpr std::uint32_t morris_stream = 0x3011;  // names this code's random stream

}  // namespace

MorrisTrajectories morris_trajectories(std::size_t trajectories, std::size_t factors, std::size_t levels,
                                       std::uint64_t seed) {
  if (trajectories == 0) throw std::invalid_argument("morris_trajectories: no trajectories");
  if (factors == 0) throw std::invalid_argument("morris_trajectories: no factors");
  if (levels < 2 || levels % 2 != 0)
    throw std::invalid_argument("morris_trajectories: levels must be even and at least 2, got " +
                                std::to_string(levels));
  MorrisTrajectories out;
  out.trajectories = trajectories;
  out.factors = factors;
  out.levels = levels;
  const std::size_t step = levels / 2;  // Delta in grid steps
  const double grid = double(levels - 1);
  out.delta = double(step) / grid;
  out.points.reserve(trajectories * (factors + 1));
  out.moved.reserve(trajectories * factors);
  // Grid indices, exact integers, turned into [0, 1] only when stored: every point lies
  // exactly on the grid and every move is exactly +-Delta.
  std::vector<std::size_t> level(factors);
  std::vector<int> direction(factors);
  std::vector<std::size_t> order(factors);
  for (std::size_t t = 0; t < trajectories; ++t) {
    RandomStream draw(seed, morris_stream, t, 0, 0);
    for (std::size_t i = 0; i < factors; ++i) {
      // Base level in the lower half of the grid; moving down starts Delta higher.
      const auto base = static_cast<std::size_t>(draw.below(levels - step));
      direction[i] = draw.bernoulli(0.5) ? 1 : -1;
      level[i] = direction[i] > 0 ? base : base + step;
    }
    std::iota(order.begin(), order.end(), std::size_t{0});
    for (std::size_t i = factors; i > 1; --i) std::swap(order[i - 1], order[draw.below(i)]);  // Fisher-Yates

    const auto store = [&] {
      std::vector<double> x(factors);
      for (std::size_t i = 0; i < factors; ++i) x[i] = double(level[i]) / grid;
      out.points.push_back(std::move(x));
    };
    store();
    for (const std::size_t i : order) {
      level[i] = direction[i] > 0 ? level[i] + step : level[i] - step;
      out.moved.push_back(i);
      store();
    }
  }
  return out;
}

std::vector<MorrisEffect> morris_effects(const MorrisTrajectories& d, std::span<const double> y) {
  const std::size_t k = d.factors, r = d.trajectories;
  if (y.size() != r * (k + 1))
    throw std::invalid_argument("morris_effects: " + std::to_string(y.size()) + " values, expected r (k + 1) = " +
                                std::to_string(r * (k + 1)));
  // effects[i * r + t]: the elementary effect of factor i on trajectory t.
  std::vector<double> effects(k * r, nan);
  for (std::size_t t = 0; t < r; ++t)
    for (std::size_t s = 1; s <= k; ++s) {
      const std::size_t row = t * (k + 1) + s;
      const std::size_t i = d.moved[t * k + s - 1];
      const double dx = d.points[row][i] - d.points[row - 1][i];
      effects[i * r + t] = (y[row] - y[row - 1]) / dx;
    }
  std::vector<MorrisEffect> out(k);
  for (std::size_t i = 0; i < k; ++i) {
    double sum = 0.0, sum_abs = 0.0;
    for (std::size_t t = 0; t < r; ++t) {
      sum += effects[i * r + t];
      sum_abs += std::fabs(effects[i * r + t]);
    }
    MorrisEffect& e = out[i];
    e.mu = sum / double(r);
    e.mu_star = sum_abs / double(r);
    e.sigma = nan;
    if (r > 1 && std::isfinite(e.mu)) {
      double squares = 0.0;
      for (std::size_t t = 0; t < r; ++t) squares += (effects[i * r + t] - e.mu) * (effects[i * r + t] - e.mu);
      e.sigma = std::sqrt(squares / double(r - 1));
    }
  }
  return out;
}

}  // namespace sentra::experiments
