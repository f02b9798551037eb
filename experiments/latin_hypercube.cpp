#include "experiments/latin_hypercube.hpp"

#include <numeric>
#include <stdexcept>

#include "engine/random.hpp"

namespace sentra::experiments {
namespace {
constexpr std::uint32_t lhs_stream = 0x1a75;  // names this code's random stream
}  // namespace

std::vector<std::vector<double>> latin_hypercube(std::size_t samples, std::size_t factors, std::uint64_t seed) {
  if (samples == 0) throw std::invalid_argument("latin_hypercube: no samples");
  std::vector<std::vector<double>> points(samples, std::vector<double>(factors));
  std::vector<std::size_t> strata(samples);
  for (std::size_t f = 0; f < factors; ++f) {
    RandomStream draw(seed, lhs_stream, f, 0, 0);
    std::iota(strata.begin(), strata.end(), std::size_t{0});
    for (std::size_t i = samples; i > 1; --i) std::swap(strata[i - 1], strata[draw.below(i)]);
    for (std::size_t n = 0; n < samples; ++n)
      points[n][f] = (double(strata[n]) + draw.uniform()) / double(samples);
  }
  return points;
}

}  // namespace sentra::experiments
