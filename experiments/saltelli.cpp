#include "experiments/saltelli.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "engine/random.hpp"
#include "experiments/sobol_sequence.hpp"

namespace sentra::experiments {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();
// Names the bootstrap's random stream (any fixed number: only this code draws from it).
constexpr std::uint32_t bootstrap_stream = 0x5a17;

// The indices over rows rows[0..N) (a bootstrap resample, or 0..N-1), summed in that order.
void estimate(std::span<const double> y, std::span<const std::size_t> rows, std::size_t k,
              std::vector<double>& first, std::vector<double>& total, double& variance) {
  const std::size_t n = rows.size();
  double sum = 0.0;
  for (const std::size_t j : rows) sum += y[saltelli_row_a(j, k)] + y[saltelli_row_b(j, k)];
  const double mean = sum / double(2 * n);
  double squares = 0.0;
  for (const std::size_t j : rows) {
    const double a = y[saltelli_row_a(j, k)] - mean, b = y[saltelli_row_b(j, k)] - mean;
    squares += a * a + b * b;
  }
  variance = squares / double(2 * n);
  first.assign(k, nan);
  total.assign(k, nan);
  if (!(variance > 0.0)) return;
  for (std::size_t i = 0; i < k; ++i) {
    double s1 = 0.0, st = 0.0;
    for (const std::size_t j : rows) {
      const double fa = y[saltelli_row_a(j, k)], fb = y[saltelli_row_b(j, k)], fab = y[saltelli_row_ab(j, i, k)];
      // Centred f_B: the same in expectation (f_ABi - f_A has mean 0), but an outcome whose
      // mean is large against its spread (income in the hundreds varying by a few percent)
      // otherwise drowns the estimate in mean * noise. SALib standardizes for the same reason.
      s1 += (fb - mean) * (fab - fa);
      st += (fa - fab) * (fa - fab);
    }
    first[i] = s1 / double(n) / variance;
    total[i] = st / (2.0 * double(n)) / variance;
  }
}

}  // namespace

std::vector<std::vector<double>> saltelli_points(std::size_t samples, std::size_t factors) {
  if (samples == 0) throw std::invalid_argument("saltelli_points: no samples");
  if (factors == 0 || 2 * factors > SobolSequence::max_dimensions)
    throw std::invalid_argument("saltelli_points: factors must be in [1, " +
                                std::to_string(SobolSequence::max_dimensions / 2) + "], got " +
                                std::to_string(factors));
  const SobolSequence sobol(2 * factors);
  std::vector<std::vector<double>> points(samples * (factors + 2), std::vector<double>(factors));
  std::vector<double> x(2 * factors);
  for (std::size_t j = 0; j < samples; ++j) {
    sobol.point(j + 1, x);
    const auto a = std::span<const double>(x).first(factors);
    const auto b = std::span<const double>(x).subspan(factors);
    std::copy(a.begin(), a.end(), points[saltelli_row_a(j, factors)].begin());
    std::copy(b.begin(), b.end(), points[saltelli_row_b(j, factors)].begin());
    for (std::size_t i = 0; i < factors; ++i) {
      auto& ab = points[saltelli_row_ab(j, i, factors)];
      std::copy(a.begin(), a.end(), ab.begin());
      ab[i] = b[i];
    }
  }
  return points;
}

double quantile(std::span<const double> values, double q) {
  if (values.empty()) return nan;
  std::vector<double> v(values.begin(), values.end());
  std::sort(v.begin(), v.end());
  const double h = q * double(v.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (h - double(lo)) * (v[hi] - v[lo]);
}

SobolIndices sobol_indices(std::span<const double> y, std::size_t samples, std::size_t factors,
                           std::size_t resamples, std::uint64_t seed, double confidence) {
  if (y.size() != samples * (factors + 2))
    throw std::invalid_argument("sobol_indices: " + std::to_string(y.size()) + " values, expected N (k + 2) = " +
                                std::to_string(samples * (factors + 2)));
  SobolIndices out;
  out.first.resize(factors);
  out.total.resize(factors);
  bool finite = samples > 0;
  for (const double v : y) finite = finite && std::isfinite(v);
  if (!finite) {
    for (auto* list : {&out.first, &out.total})
      for (auto& e : *list) e = {nan, nan, nan};
    out.variance = nan;
    return out;
  }
  std::vector<std::size_t> rows(samples);
  for (std::size_t j = 0; j < samples; ++j) rows[j] = j;
  std::vector<double> first, total;
  estimate(y, rows, factors, first, total, out.variance);
  for (std::size_t i = 0; i < factors; ++i) {
    out.first[i] = {first[i], nan, nan};
    out.total[i] = {total[i], nan, nan};
  }
  if (resamples == 0 || !(out.variance > 0.0)) return out;

  // boot_first[i * resamples + b]: factor-major, so each factor's resamples are contiguous.
  std::vector<double> boot_first(factors * resamples), boot_total(factors * resamples);
  double ignored = 0.0;
  for (std::size_t b = 0; b < resamples; ++b) {
    RandomStream draw(seed, bootstrap_stream, b, 0, 0);
    for (std::size_t j = 0; j < samples; ++j) rows[j] = static_cast<std::size_t>(draw.below(samples));
    estimate(y, rows, factors, first, total, ignored);
    for (std::size_t i = 0; i < factors; ++i) {
      boot_first[i * resamples + b] = first[i];
      boot_total[i * resamples + b] = total[i];
    }
  }
  const double tail = 0.5 * (1.0 - confidence);
  for (std::size_t i = 0; i < factors; ++i) {
    // A resample with V = 0 (all rows alike) has NaN indices: leave those out.
    const auto interval = [&](std::span<const double> all, IndexEstimate& e) {
      std::vector<double> kept;
      for (const double v : all)
        if (std::isfinite(v)) kept.push_back(v);
      e.lower = quantile(kept, tail);
      e.upper = quantile(kept, 1.0 - tail);
    };
    interval(std::span<const double>(boot_first).subspan(i * resamples, resamples), out.first[i]);
    interval(std::span<const double>(boot_total).subspan(i * resamples, resamples), out.total[i]);
  }
  return out;
}

}  // namespace sentra::experiments
