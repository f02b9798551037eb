#include "experiments/statistics.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

namespace sentra::experiments {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// Continued fraction of I_x(a, b) by the modified Lentz method; converges fast for
// x < (a + 1) / (a + b + 2), which the caller arranges with the symmetry
// I_x(a, b) = 1 - I_{1-x}(b, a).
double beta_continued_fraction(double x, double a, double b) {
  constexpr double tiny = 1e-300;
  constexpr double eps = 1e-15;
  constexpr int max_terms = 10000;
  const double qab = a + b, qap = a + 1.0, qam = a - 1.0;
  double c = 1.0;
  double d = 1.0 - qab * x / qap;
  if (std::fabs(d) < tiny) d = tiny;
  d = 1.0 / d;
  double h = d;
  for (int m = 1; m <= max_terms; ++m) {
    const double m2 = 2.0 * m;
    double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
    d = 1.0 + aa * d;
    if (std::fabs(d) < tiny) d = tiny;
    c = 1.0 + aa / c;
    if (std::fabs(c) < tiny) c = tiny;
    d = 1.0 / d;
    h *= d * c;
    aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
    d = 1.0 + aa * d;
    if (std::fabs(d) < tiny) d = tiny;
    c = 1.0 + aa / c;
    if (std::fabs(c) < tiny) c = tiny;
    d = 1.0 / d;
    const double step = d * c;
    h *= step;
    if (std::fabs(step - 1.0) < eps) break;
  }
  return h;
}

}  // namespace

double regularized_incomplete_beta(double x, double a, double b) {
  if (!(x >= 0.0 && x <= 1.0 && a > 0.0 && b > 0.0)) return nan;
  if (x == 0.0 || x == 1.0) return x;
  // x^a (1-x)^b / B(a, b), in logs to avoid overflow for large a, b.
  const double log_front = std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) +
                           b * std::log1p(-x);
  const double front = std::exp(log_front);
  if (x < (a + 1.0) / (a + b + 2.0)) return front * beta_continued_fraction(x, a, b) / a;
  return 1.0 - front * beta_continued_fraction(1.0 - x, b, a) / b;
}

double student_t_cdf(double t, double dof) {
  if (!(dof > 0.0) || std::isnan(t)) return nan;
  if (std::isinf(t)) return t > 0 ? 1.0 : 0.0;
  // P(|T| > |t|) = I_{dof/(dof+t^2)}(dof/2, 1/2).
  const double tail = 0.5 * regularized_incomplete_beta(dof / (dof + t * t), 0.5 * dof, 0.5);
  return t > 0 ? 1.0 - tail : tail;
}

double student_t_quantile(double p, double dof) {
  if (!(p > 0.0 && p < 1.0) || !(dof > 0.0)) return nan;
  if (p == 0.5) return 0.0;
  if (p < 0.5) return -student_t_quantile(1.0 - p, dof);
  // Bracket [0, hi] with cdf(hi) >= p, then bisect until the bracket stops shrinking: a
  // fixed, input-only sequence of steps, so the result is reproducible to the last bit.
  double lo = 0.0, hi = 1.0;
  while (student_t_cdf(hi, dof) < p) {
    lo = hi;
    hi *= 2.0;
    if (hi > 1e300) return std::numeric_limits<double>::infinity();
  }
  for (int i = 0; i < 2000; ++i) {
    const double mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) break;
    (student_t_cdf(mid, dof) < p ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

Interval mean_interval(std::span<const double> x, double confidence) {
  Interval r;
  r.n = x.size();
  if (x.empty()) {
    r.mean = r.sd = r.lower = r.upper = r.t = nan;
    return r;
  }
  // Two passes in index order: more accurate than one-pass formulas and just as
  // deterministic.
  double sum = 0.0;
  for (double v : x) sum += v;
  r.mean = sum / double(x.size());
  if (x.size() < 2 || !std::isfinite(r.mean)) {
    r.sd = r.lower = r.upper = r.t = nan;
    return r;
  }
  double squares = 0.0;
  for (double v : x) squares += (v - r.mean) * (v - r.mean);
  const double dof = double(x.size() - 1);
  r.sd = std::sqrt(squares / dof);
  // Charts need one interval per step and scenario, all with the same quantile: remember the
  // last one instead of inverting the t distribution thousands of times. Per thread, so
  // callers on different threads never share it; the value is the same either way.
  thread_local double cached_p = -1.0, cached_dof = -1.0, cached_t = 0.0;
  const double p = 0.5 + 0.5 * confidence;
  if (p != cached_p || dof != cached_dof) {
    cached_t = student_t_quantile(p, dof);
    cached_p = p;
    cached_dof = dof;
  }
  r.t = cached_t;
  const double half = r.t * r.sd / std::sqrt(double(x.size()));
  r.lower = r.mean - half;
  r.upper = r.mean + half;
  return r;
}

Interval paired_difference(std::span<const double> x, std::span<const double> reference,
                           double confidence) {
  if (x.size() != reference.size())
    throw std::invalid_argument("paired_difference: " + std::to_string(x.size()) + " values against " +
                                std::to_string(reference.size()) + " reference values");
  std::vector<double> d(x.size());
  for (std::size_t i = 0; i < d.size(); ++i) d[i] = x[i] - reference[i];
  return mean_interval(d, confidence);
}

}  // namespace sentra::experiments
