#pragma once
// Statistics of replicated runs: Student t quantiles and t intervals for a mean and for a
// paired difference. Written out here (no statistics library in Debian's C++ set) and
// pinned against table values in tests/experiments/statistics_test.cpp.
//
// Everything is computed in index order with plain double arithmetic, so the same inputs
// give the same bits whatever thread computed them.
#include <cstddef>
#include <span>

namespace sentra::experiments {

// I_x(a, b), the regularized incomplete beta function, for 0 <= x <= 1 and a, b > 0
// (Lentz's continued fraction, as in Numerical Recipes' betai). NaN outside that domain.
double regularized_incomplete_beta(double x, double a, double b);

// P(T <= t) for Student's t with `dof` > 0 degrees of freedom (dof may be fractional).
double student_t_cdf(double t, double dof);

// The t with P(T <= t) = p, for 0 < p < 1: found by bisection on student_t_cdf to full
// double precision. student_t_quantile(0.975, 9) = 2.262157...
double student_t_quantile(double p, double dof);

// A sample mean with its two-sided t interval: mean +- t(1 - alpha/2, n - 1) * sd / sqrt(n).
struct Interval {
  std::size_t n = 0;
  double mean = 0;
  double sd = 0;      // sample standard deviation (divisor n - 1)
  double lower = 0;
  double upper = 0;
  double t = 0;       // the quantile used
};

// Mean and t interval of `x` (n >= 2; with n < 2 or a non-finite value the spread and
// bounds are NaN). `confidence` in (0, 1), e.g. 0.95.
Interval mean_interval(std::span<const double> x, double confidence = 0.95);

// Paired difference: the t interval of x[i] - reference[i]. The two spans must have the
// same length (throws std::invalid_argument otherwise). Common random numbers make the
// pairs positively correlated, so this interval is narrower than comparing two means.
Interval paired_difference(std::span<const double> x, std::span<const double> reference,
                           double confidence = 0.95);

}  // namespace sentra::experiments
