#include "experiments/comparison_report.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace sentra::experiments;

namespace {

std::vector<OutcomeComparison> two_scenarios() {
  ReplicatedSeries runs(1, 2, 3, 1);
  const double a[] = {0.60, 0.62, 0.64}, b[] = {0.58, 0.61, 0.62};
  for (std::size_t r = 0; r < 3; ++r) {
    runs.series(0, 0, r)[0] = a[r];
    runs.series(0, 1, r)[0] = b[r];
  }
  return compare_scenarios(runs, OutcomeReduction{});
}

ReportContext context() {
  ReportContext c;
  c.scenarios = {"base", "policy"};
  c.outcomes = {{"survival", "fraction"}};
  c.replicates = 3;
  c.steps = 1;
  c.base_seed = 7;
  c.reduction = "mean over step 0";
  c.result_file = "results/x.h5";
  return c;
}

}  // namespace

TEST_CASE("comparison_report.text shows means, paired differences and the design") {
  const std::string text = comparison_report(two_scenarios(), context(), ReportFormat::text);
  CHECK(text.find("2 scenarios x 3 replicates, 1 month each; runs stored in results/x.h5.") != std::string::npos);
  CHECK(text.find("replicate r runs with seed 7 + r in every scenario (seeds 7-9)") != std::string::npos);
  CHECK(text.find("t(0.975, 2) = 4.303") != std::string::npos);
  // mean of base 0.62, differences -0.02, -0.01, -0.02 -> -0.017 (half-width 0.014: 3 decimals)
  CHECK(text.find("survival    base") != std::string::npos);
  CHECK(text.find("(reference)") != std::string::npos);
  CHECK(text.find("-0.017  [-0.031, -0.002]") != std::string::npos);
  CHECK(text.find("(fraction)  policy") != std::string::npos);
}

TEST_CASE("comparison_report.markdown is a table and csv carries full precision") {
  const std::string md = comparison_report(two_scenarios(), context(), ReportFormat::markdown);
  CHECK(md.rfind("# sentra compare: base vs policy\n", 0) == 0);
  CHECK(md.find("| `survival` | fraction | base |") != std::string::npos);
  const std::string csv = comparison_report(two_scenarios(), context(), ReportFormat::csv);
  CHECK(csv.rfind("outcome,unit,scenario,replicates,mean,", 0) == 0);
  CHECK(csv.find("survival,fraction,policy,3,0.60333333333333") != std::string::npos);
}

TEST_CASE("report_decimals.shows two digits of the narrowest interval") {
  OutcomeComparison c;
  c.mean = {Interval{3, 8692.0, 50.0, 8601.0, 8783.0, 4.3}};
  c.difference = {Interval{3, 0.0, 0.0, 0.0, 0.0, 4.3}};
  CHECK(report_decimals(c) == 0);  // half-width 91
  c.mean[0] = Interval{3, 0.6, 0.01, 0.596, 0.604, 4.3};
  CHECK(report_decimals(c) == 4);  // half-width 0.004
  c.mean[0] = Interval{3, 0.6, 0.0, 0.6, 0.6, 4.3};
  CHECK(report_decimals(c) == 4);  // no spread: four significant digits of the mean
  CHECK(parse_report_format("md") == ReportFormat::markdown);
  CHECK(!parse_report_format("html"));
}
