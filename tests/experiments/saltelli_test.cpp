#include "experiments/saltelli.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "experiments/sobol_sequence.hpp"

using namespace sentra::experiments;

namespace {

constexpr double pi = 3.14159265358979323846;

// Ishigami and Homma (1990), a = 7, b = 0.1, on [-pi, pi]^3: S1 = 0.3139, 0.4424, 0;
// ST = 0.5576, 0.4424, 0.2437 (Saltelli et al. 2008, Global Sensitivity Analysis, 4.8).
double ishigami(const std::vector<double>& u) {
  const double x1 = -pi + 2 * pi * u[0], x2 = -pi + 2 * pi * u[1], x3 = -pi + 2 * pi * u[2];
  return std::sin(x1) + 7.0 * std::sin(x2) * std::sin(x2) + 0.1 * std::pow(x3, 4) * std::sin(x1);
}

}  // namespace

TEST_CASE("saltelli_points.lays out A, AB_1..AB_k, B per sample from one 2k-dimensional Sobol point") {
  const std::size_t N = 8, k = 3;
  const auto points = saltelli_points(N, k);
  REQUIRE(points.size() == N * (k + 2));
  const SobolSequence sobol(2 * k);
  for (std::size_t j = 0; j < N; ++j) {
    const auto x = sobol.point(j + 1);  // the origin is left out
    const auto& a = points[saltelli_row_a(j, k)];
    const auto& b = points[saltelli_row_b(j, k)];
    for (std::size_t i = 0; i < k; ++i) {
      CHECK(a[i] == x[i]);
      CHECK(b[i] == x[k + i]);
    }
    for (std::size_t i = 0; i < k; ++i) {
      const auto& ab = points[saltelli_row_ab(j, i, k)];
      for (std::size_t c = 0; c < k; ++c) CHECK(ab[c] == (c == i ? b[c] : a[c]));
    }
  }
  CHECK(saltelli_row_a(1, k) == 5);
  CHECK(saltelli_row_ab(1, 0, k) == 6);
  CHECK(saltelli_row_b(1, k) == 9);
}

TEST_CASE("sobol_indices.recover the Ishigami function's analytic indices") {
  const std::size_t N = 8192, k = 3;
  const auto points = saltelli_points(N, k);
  std::vector<double> y;
  for (const auto& p : points) y.push_back(ishigami(p));
  const SobolIndices s = sobol_indices(y, N, k, 200, 7);
  const double s1[] = {0.3139, 0.4424, 0.0};
  const double st[] = {0.5576, 0.4424, 0.2437};
  for (std::size_t i = 0; i < k; ++i) {
    CAPTURE(i);
    CHECK(std::fabs(s.first[i].value - s1[i]) < 0.02);
    CHECK(std::fabs(s.total[i].value - st[i]) < 0.02);
    // The intervals hold the estimate and the true value, and are narrow at this N.
    CHECK(s.first[i].lower <= s.first[i].value);
    CHECK(s.first[i].value <= s.first[i].upper);
    CHECK(s.total[i].lower <= s.total[i].value);
    CHECK(s.total[i].value <= s.total[i].upper);
    CHECK(s.first[i].upper - s.first[i].lower < 0.1);
    CHECK(s.total[i].lower < st[i] + 0.01);
    CHECK(s.total[i].upper > st[i] - 0.01);
  }
  // Variance of the Ishigami function: a^2/8 + b pi^4/5 + b^2 pi^8/18 + 1/2 = 13.845.
  CHECK(s.variance == doctest::Approx(13.845).epsilon(0.02));
}

TEST_CASE("sobol_indices.of an additive function: S1 = ST = each term's share") {
  // y = x1 + 2 x2 on the unit square: variances 1/12 and 4/12, so S1 = ST = 0.2, 0.8.
  const std::size_t N = 4096, k = 2;
  std::vector<double> y;
  for (const auto& p : saltelli_points(N, k)) y.push_back(p[0] + 2 * p[1]);
  const SobolIndices s = sobol_indices(y, N, k, 0);
  CHECK(std::fabs(s.first[0].value - 0.2) < 0.01);
  CHECK(std::fabs(s.first[1].value - 0.8) < 0.01);
  CHECK(std::fabs(s.total[0].value - 0.2) < 0.01);
  CHECK(std::fabs(s.total[1].value - 0.8) < 0.01);
  CHECK(std::isnan(s.first[0].lower));  // no resamples, no interval
}

TEST_CASE("sobol_indices.same inputs and seed give the same bits; NaN inputs give NaN") {
  const std::size_t N = 64, k = 3;
  std::vector<double> y;
  for (const auto& p : saltelli_points(N, k)) y.push_back(ishigami(p));
  const auto a = sobol_indices(y, N, k, 100, 3);
  const auto b = sobol_indices(y, N, k, 100, 3);
  for (std::size_t i = 0; i < k; ++i) {
    CHECK(a.first[i].lower == b.first[i].lower);
    CHECK(a.total[i].upper == b.total[i].upper);
  }
  y[5] = std::nan("");
  const auto c = sobol_indices(y, N, k, 100, 3);
  CHECK(std::isnan(c.first[0].value));
  CHECK(std::isnan(c.total[2].upper));
  std::vector<double> flat(N * (k + 2), 1.0);
  CHECK(std::isnan(sobol_indices(flat, N, k).first[0].value));
}

TEST_CASE("quantile.interpolates between order statistics like R's type 7") {
  const std::vector<double> v = {4, 1, 3, 2};
  CHECK(quantile(v, 0.0) == 1.0);
  CHECK(quantile(v, 1.0) == 4.0);
  CHECK(quantile(v, 0.5) == 2.5);
  CHECK(quantile(v, 0.25) == doctest::Approx(1.75));
}
