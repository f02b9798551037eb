#include "experiments/statistics.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <numbers>
#include <stdexcept>
#include <vector>

using namespace sentra::experiments;

TEST_CASE("regularized_incomplete_beta.matches its closed forms") {
  for (double x : {0.0, 0.01, 0.3, 0.5, 0.77, 0.999, 1.0}) {
    CAPTURE(x);
    CHECK(regularized_incomplete_beta(x, 1.0, 1.0) == doctest::Approx(x).epsilon(1e-14));
    CHECK(regularized_incomplete_beta(x, 3.0, 1.0) == doctest::Approx(x * x * x).epsilon(1e-13));
    CHECK(regularized_incomplete_beta(x, 1.0, 2.5) == doctest::Approx(1.0 - std::pow(1.0 - x, 2.5)).epsilon(1e-13));
  }
  for (double a : {0.5, 2.0, 7.5, 40.0}) CHECK(regularized_incomplete_beta(0.5, a, a) == doctest::Approx(0.5).epsilon(1e-13));
  CHECK(std::isnan(regularized_incomplete_beta(1.5, 1.0, 1.0)));
  CHECK(std::isnan(regularized_incomplete_beta(0.5, 0.0, 1.0)));
}

TEST_CASE("student_t_cdf.matches the closed forms for 1 and 2 degrees of freedom") {
  for (double t : {-30.0, -2.5, -0.1, 0.0, 0.7, 3.0, 100.0}) {
    CAPTURE(t);
    CHECK(student_t_cdf(t, 1.0) == doctest::Approx(0.5 + std::atan(t) / std::numbers::pi).epsilon(1e-13));
    CHECK(student_t_cdf(t, 2.0) == doctest::Approx(0.5 + t / (2.0 * std::sqrt(2.0 + t * t))).epsilon(1e-13));
  }
}

TEST_CASE("student_t_quantile.matches closed forms to 12 digits") {
  for (double p : {0.6, 0.9, 0.95, 0.975, 0.995}) {
    CAPTURE(p);
    CHECK(student_t_quantile(p, 1.0) == doctest::Approx(std::tan(std::numbers::pi * (p - 0.5))).epsilon(1e-12));
    CHECK(student_t_quantile(p, 2.0) == doctest::Approx((2 * p - 1) / std::sqrt(2 * p * (1 - p))).epsilon(1e-12));
  }
}

TEST_CASE("student_t_quantile.matches printed t tables to 6 decimals") {
  struct Known {
    double p, dof, t;
  };
  // Two-sided 95% (p = 0.975) and a few others, as printed in every statistics textbook.
  const Known table[] = {
      {0.975, 1, 12.706205}, {0.975, 2, 4.302653}, {0.975, 3, 3.182446}, {0.975, 4, 2.776445},
      {0.975, 9, 2.262157},  {0.975, 29, 2.045230}, {0.975, 100, 1.983972}, {0.995, 4, 4.604095},
      {0.95, 10, 1.812461},  {0.975, 1e7, 1.959964}};
  for (const auto& k : table) {
    CAPTURE(k.p);
    CAPTURE(k.dof);
    CHECK(std::fabs(student_t_quantile(k.p, k.dof) - k.t) < 5e-7);
  }
}

TEST_CASE("student_t_quantile.is symmetric, inverts the cdf and rejects bad input") {
  CHECK(student_t_quantile(0.5, 7) == 0.0);
  CHECK(student_t_quantile(0.025, 9) == -student_t_quantile(0.975, 9));
  for (double dof : {1.0, 3.0, 12.0, 250.0}) {
    const double t = student_t_quantile(0.975, dof);
    CHECK(student_t_cdf(t, dof) == doctest::Approx(0.975).epsilon(1e-14));
  }
  CHECK(std::isnan(student_t_quantile(0.0, 5)));
  CHECK(std::isnan(student_t_quantile(1.0, 5)));
  CHECK(std::isnan(student_t_quantile(0.9, 0)));
}

TEST_CASE("mean_interval.is the mean plus or minus t sd over root n") {
  const std::vector<double> x = {1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0};
  const Interval i = mean_interval(x);
  CHECK(i.n == 10);
  CHECK(i.mean == 5.5);
  CHECK(i.sd == doctest::Approx(std::sqrt(82.5 / 9.0)).epsilon(1e-15));
  CHECK(i.t == doctest::Approx(2.262157).epsilon(1e-6));
  const double half = i.t * i.sd / std::sqrt(10.0);
  CHECK(i.lower == doctest::Approx(5.5 - half).epsilon(1e-15));
  CHECK(i.upper == doctest::Approx(5.5 + half).epsilon(1e-15));
  // 5.5 +- 2.262157 * 3.02765 / 3.16228 = [3.334, 7.666]
  CHECK(i.lower == doctest::Approx(3.334149).epsilon(1e-6));
}

TEST_CASE("mean_interval.has zero width for equal values and NaN spread for one value") {
  const std::vector<double> same = {0.25, 0.25, 0.25};
  const Interval i = mean_interval(same);
  CHECK(i.lower == 0.25);
  CHECK(i.upper == 0.25);
  const std::vector<double> one = {3.0};
  const Interval j = mean_interval(one);
  CHECK(j.mean == 3.0);
  CHECK(std::isnan(j.lower));
  CHECK(std::isnan(j.sd));
}

TEST_CASE("paired_difference.is the interval of the differences, exactly zero for identical runs") {
  const std::vector<double> a = {10.0, 12.0, 9.0, 11.0};
  const std::vector<double> b = {11.0, 13.5, 9.5, 12.0};
  const Interval d = paired_difference(b, a);
  CHECK(d.mean == doctest::Approx(1.0).epsilon(1e-15));  // differences 1, 1.5, 0.5, 1
  CHECK(d.sd == doctest::Approx(std::sqrt(0.5 / 3.0)).epsilon(1e-14));
  // The pairs move together, so the paired interval is far narrower than either mean's.
  CHECK(d.upper - d.lower < 0.25 * (mean_interval(b).upper - mean_interval(b).lower));
  const Interval zero = paired_difference(a, a);
  CHECK(zero.mean == 0.0);
  CHECK(zero.lower == 0.0);
  CHECK(zero.upper == 0.0);
  const std::vector<double> short_one = {1.0};
  CHECK_THROWS_AS(paired_difference(short_one, a), std::invalid_argument);
}
