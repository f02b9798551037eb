#include "experiments/outcome.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

using namespace sentra::experiments;

TEST_CASE("OutcomeReduction.averages the last 12 steps, or all of a shorter run") {
  std::vector<double> series(37);
  for (std::size_t i = 0; i < series.size(); ++i) series[i] = double(i);
  const OutcomeReduction last12;
  CHECK(last12.first(37) == 25);
  CHECK(last12.reduce(series) == doctest::Approx((25.0 + 36.0) / 2.0));
  const std::vector<double> short_run = {1.0, 2.0, 6.0};
  CHECK(last12.first(3) == 0);
  CHECK(last12.reduce(short_run) == 3.0);
  CHECK(std::isnan(last12.reduce(std::vector<double>{})));
  const OutcomeReduction last1{1};
  CHECK(last1.reduce(series) == 36.0);
}

TEST_CASE("OutcomeReduction.describes the steps it averages") {
  std::vector<std::int64_t> steps(37);
  for (std::size_t i = 0; i < steps.size(); ++i) steps[i] = std::int64_t(i);
  const OutcomeReduction r;
  CHECK(r.describe(steps, "month") == "mean over steps 25-36, the last 12 of the run's 37 months");
  const std::vector<std::int64_t> few = {0, 1, 2, 3};
  CHECK(r.describe(few, "month") == "mean over steps 0-3, all 4 months of the run (fewer than 12)");
}

TEST_CASE("split_outcome_list.splits on commas and trims spaces") {
  CHECK(split_outcome_list("a,b, c ,,d") == std::vector<std::string>{"a", "b", "c", "d"});
  CHECK(split_outcome_list("").empty());
}

TEST_CASE("check_outcomes.names the unknown outcome with a did-you-mean hint") {
  const std::vector<std::string> available = {"sme_output", "sme_exports", "survival"};
  CHECK_NOTHROW(check_outcomes({"survival", "sme_output"}, available));
  try {
    check_outcomes({"sme_outptu"}, available);
    FAIL("no exception");
  } catch (const std::invalid_argument& e) {
    const std::string m = e.what();
    CHECK(m.find("unknown outcome 'sme_outptu'; did you mean 'sme_output'?") == 0);
    CHECK(m.find("sme_exports") != std::string::npos);
  }
  CHECK_THROWS_AS(check_outcomes({}, available), std::invalid_argument);
  CHECK_THROWS_AS(check_outcomes({"survival", "survival"}, available), std::invalid_argument);
}

TEST_CASE("default_outcomes.are the nine headline series") {
  CHECK(default_outcomes().size() == 9);
  CHECK(default_outcomes().front() == "sme_output");
}

TEST_CASE("SeriesReduction.reduces over a window of step labels") {
  const std::vector<double> v = {5, 1, 4, 2, 8};
  const std::vector<std::int64_t> steps = {0, 1, 2, 3, 4};
  SeriesReduction r{"x", "s", Reduce::mean, 1, 3};
  CHECK(r.apply(v, steps) == doctest::Approx(7.0 / 3.0));
  r.reduce = Reduce::max;
  CHECK(r.apply(v, steps) == 4);
  r.reduce = Reduce::min;
  CHECK(r.apply(v, steps) == 1);
  r.reduce = Reduce::last;
  CHECK(r.apply(v, steps) == 8);
  r = {"x", "s", Reduce::at, 2, 2};
  CHECK(r.apply(v, steps) == 4);
  CHECK(r.describe() == "s at step 2");
  r = {"x", "s", Reduce::mean, 7, 9};
  CHECK(std::isnan(r.apply(v, steps)));
  CHECK(r.describe() == "mean of s over steps 7-9");
  CHECK(parse_reduce("max") == Reduce::max);
  CHECK_FALSE(parse_reduce("median"));
}
