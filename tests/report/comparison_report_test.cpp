#include "report/comparison_report.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <string>

using namespace sentra::report;

namespace {

// Two scenarios over three months, one outcome whose monthly series holds `value` throughout.
ComparisonResults comparison(double value) {
  ComparisonResults r;
  r.scenarios = {"base", "policy"};
  r.replicates = 3;
  r.steps = 3;
  r.step_unit = "month";
  r.series_steps = {0, 1, 2};
  ComparedOutcome o;
  o.name = "ratio";
  o.mean = {{1, 0.9, 1.1}, {2, 1.9, 2.1}};
  o.difference = {{0, 0, 0}, {1, 0.9, 1.1}};
  const sentra::output::Matrix m{3, 2, std::vector<double>(6, value)};
  o.series_mean = o.series_lower = o.series_upper = m;
  o.difference_mean = o.difference_lower = o.difference_upper = m;
  r.outcomes.push_back(o);
  return r;
}

}  // namespace

TEST_CASE("comparison_report.a series n/a in every month gives a sentence, not a gnuplot failure") {
  std::string html;
  REQUIRE_NOTHROW(html = comparison_report(comparison(NAN), Format::html));
  CHECK(html.find("<svg") == std::string::npos);
  CHECK(html.find("No chart of ratio: mean per scenario: every value is n/a.") != std::string::npos);
  CHECK(html.find("No chart of ratio: difference from base: every value is n/a.") != std::string::npos);
  CHECK(comparison_report(comparison(1.0), Format::html).find("<svg") != std::string::npos);
}
