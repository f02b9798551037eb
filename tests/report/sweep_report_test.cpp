#include "report/sweep_report.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "report/missing_indices.hpp"
#include "occurrences.hpp"

using namespace sentra::report;
using sentra::report::testing::count;

namespace {

Column texts(const std::string& name, std::vector<std::string> values) { return {name, true, std::move(values), {}}; }
Column numbers(const std::string& name, std::vector<double> values) { return {name, false, {}, std::move(values)}; }

// A two-factor sweep with one outcome "income" whose per-point means are `means`.
SweepResults sweep(const std::string& method, std::vector<double> means) {
  SweepResults s;
  s.experiment = "t";
  s.design = method;
  s.design_points = means.size();
  s.replicates = 1;
  s.runs = means.size();
  s.steps = 12;
  s.factor_keys = {"a", "b"};
  s.outcome_names = {"income"};
  std::vector<double> points;
  for (std::size_t i = 0; i < means.size(); ++i) points.push_back(static_cast<double>(i));
  s.design_table.columns = {numbers("design_point", points), numbers("income_mean", std::move(means))};
  s.sensitivity_method = method;
  s.sensitivity.columns = {texts("outcome", {"income", "income"}), texts("factor", {"a", "b"})};
  return s;
}

SweepResults sobol(std::vector<double> s1, std::vector<double> st, std::vector<double> means, double variance) {
  SweepResults s = sweep("sobol", std::move(means));
  for (const auto& [name, v] : {std::pair{"S1", s1}, std::pair{"ST", st}}) {
    s.sensitivity.columns.push_back(numbers(name, v));
    std::vector<double> lower, upper;
    for (const double x : v) {
      lower.push_back(x - 0.1);  // NaN stays NaN
      upper.push_back(x + 0.1);
    }
    s.sensitivity.columns.push_back(numbers(std::string(name) + "_lower", lower));
    s.sensitivity.columns.push_back(numbers(std::string(name) + "_upper", upper));
  }
  s.sensitivity.columns.push_back(numbers("variance", {variance, variance}));
  return s;
}

}  // namespace

// A sweep whose design points all failed, or whose outcome is constant, has only n/a
// indices: gnuplot cannot draw a plot without one point, so the page says so instead.
TEST_CASE("sweep_report.Sobol indices all n/a (failed design points): a sentence instead of a chart, and why") {
  const SweepResults s = sobol({NAN, NAN}, {NAN, NAN}, {1.0, NAN, 3.0, NAN}, NAN);
  std::string html;
  REQUIRE_NOTHROW(html = sweep_report(s, Format::html));
  CHECK(html.find("<svg") == std::string::npos);
  CHECK(html.find("No chart of income: every value it would draw is n/a.") != std::string::npos);
  CHECK(html.find("income: every index is n/a: 2 of 4 design points have no value (every replicate failed).") !=
        std::string::npos);
  const std::string md = sweep_report(s, Format::markdown);
  CHECK(md.find("income: every index is n/a: 2 of 4 design points have no value") != std::string::npos);
}

TEST_CASE("sweep_report.Sobol indices of a constant outcome are n/a: no variance to share out") {
  const SweepResults s = sobol({NAN, NAN}, {NAN, NAN}, {5.0, 5.0, 5.0, 5.0}, 0);
  std::string html;
  REQUIRE_NOTHROW(html = sweep_report(s, Format::html));
  CHECK(html.find("<svg") == std::string::npos);
  CHECK(html.find("the outcome has the same value at every design point, so there is no variance to share out") !=
        std::string::npos);
}

TEST_CASE("sweep_report.Sobol indices partly n/a: the chart draws the others and names the missing") {
  const SweepResults s = sobol({0.4, NAN}, {0.5, NAN}, {1.0, 2.0, 3.0, 4.0}, 1.0);
  const std::string html = sweep_report(s, Format::html);
  CHECK(count(html, "<svg") == 1);
  CHECK(html.find("b (n/a)") != std::string::npos);  // the factor's axis label
  CHECK(html.find("a (n/a)") == std::string::npos);
  CHECK(html.find("Not drawn (n/a): b (S1, ST).") != std::string::npos);
  CHECK(html.find("income: some indices are n/a, b (S1, ST).") != std::string::npos);
}

TEST_CASE("sweep_report.Morris effects all n/a: a sentence instead of the scatter") {
  SweepResults s = sweep("morris", {1.0, NAN, 3.0});
  s.sensitivity.columns.push_back(numbers("mu_star", {NAN, NAN}));
  s.sensitivity.columns.push_back(numbers("mu", {NAN, NAN}));
  s.sensitivity.columns.push_back(numbers("sigma", {NAN, NAN}));
  std::string html;
  REQUIRE_NOTHROW(html = sweep_report(s, Format::html));
  CHECK(html.find("<svg") == std::string::npos);
  CHECK(html.find("income: every index is n/a: 1 of 3 design points have no value") != std::string::npos);
}

TEST_CASE("sweep_report.indices all defined: a chart and no n/a sentence") {
  const SweepResults s = sobol({0.4, 0.1}, {0.5, 0.2}, {1.0, 2.0, 3.0, 4.0}, 1.0);
  const std::string html = sweep_report(s, Format::html);
  CHECK(count(html, "<svg") == 1);
  CHECK(html.find("n/a") == std::string::npos);
  CHECK_FALSE(missing_indices(s, "income").any());
}
