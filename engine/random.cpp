#include "engine/random.hpp"

#include <algorithm>
#include <limits>

namespace sentra {

namespace {
__extension__ using u128 = unsigned __int128;  // GCC/Clang extension, for Lemire's method

// log(k!) without std::lgamma, which writes the global `signgam` in glibc (a data race
// when agents draw in parallel). Exact table below 10, Stirling's series above (|err| < 1e-10).
double log_factorial(double k) {
  static constexpr double table[10] = {0.0,
                                       0.0,
                                       0.6931471805599453,
                                       1.791759469228055,
                                       3.1780538303479458,
                                       4.787491742782046,
                                       6.579251212010101,
                                       8.525161361065415,
                                       10.60460290274525,
                                       12.801827480081469};
  if (k < 10.0) return table[static_cast<int>(k)];
  const double x = k + 1.0;
  const double inv = 1.0 / x;
  return (x - 0.5) * std::log(x) - x + 0.9189385332046728 +
         inv * (1.0 / 12.0 - inv * inv * (1.0 / 360.0 - inv * inv / 1260.0));
}
}  // namespace

std::uint64_t RandomStream::below(std::uint64_t n) {
  if (n == 0) return 0;
  u128 m = static_cast<u128>(bits()) * n;
  auto low = static_cast<std::uint64_t>(m);
  if (low < n) {
    const std::uint64_t threshold = (0 - n) % n;
    while (low < threshold) {
      m = static_cast<u128>(bits()) * n;
      low = static_cast<std::uint64_t>(m);
    }
  }
  return static_cast<std::uint64_t>(m >> 64);
}

std::uint64_t RandomStream::poisson(double mean) {
  if (!(mean > 0.0)) return 0;
  if (mean < 10.0) {
    // Knuth: count uniforms until their product drops below exp(-mean).
    const double limit = std::exp(-mean);
    double product = uniform_open();
    std::uint64_t k = 0;
    while (product > limit) {
      ++k;
      product *= uniform_open();
    }
    return k;
  }
  // PTRS: transformed rejection with squeeze; expected ~1.1 iterations per draw.
  const double slam = std::sqrt(mean);
  const double loglam = std::log(mean);
  const double b = 0.931 + 2.53 * slam;
  const double a = -0.059 + 0.02483 * b;
  const double inv_alpha = 1.1239 + 1.1328 / (b - 3.4);
  const double vr = 0.9277 - 3.6224 / (b - 2.0);
  for (;;) {
    const double u = uniform() - 0.5;
    const double v = uniform_open();
    const double us = 0.5 - std::abs(u);
    const double k = std::floor((2.0 * a / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return static_cast<std::uint64_t>(k);
    if (k < 0.0 || (us < 0.013 && v > us)) continue;
    const double log_accept = std::log(v * inv_alpha / (a / (us * us) + b));
    if (log_accept <= -mean + k * loglam - log_factorial(k))
      return static_cast<std::uint64_t>(k);
  }
}

std::size_t RandomStream::pick_weighted(std::span<const double> weights, double total) {
  const std::size_t n = weights.size();
  if (n == 0) return 0;
  double target = uniform() * total;
  for (std::size_t i = 0; i < n; ++i) {
    target -= weights[i];
    if (target < 0.0) return i;
  }
  // Rounding left a sliver at the end: return the last index with positive weight.
  for (std::size_t i = n; i-- > 0;)
    if (weights[i] > 0.0) return i;
  return n - 1;
}

std::size_t RandomStream::logit_choice(std::span<const double> utilities, double beta) {
  const std::size_t n = utilities.size();
  if (n == 0) return 0;
  double top = -std::numeric_limits<double>::infinity();
  for (double u : utilities) top = std::max(top, beta * u);
  // Subtracting the largest term keeps exp() in range; weights are recomputed, not stored,
  // so no allocation happens on the hot path.
  double total = 0.0;
  for (double u : utilities) total += std::exp(beta * u - top);
  double target = uniform() * total;
  for (std::size_t i = 0; i < n; ++i) {
    target -= std::exp(beta * utilities[i] - top);
    if (target < 0.0) return i;
  }
  return n - 1;  // rounding left a sliver at the end
}

}  // namespace sentra
