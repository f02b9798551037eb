#include "experiments/comparison.hpp"

#include <doctest/doctest.h>

using namespace sentra::experiments;

namespace {

// Two outcomes, three scenarios, four replicates, five steps: value = outcome * 100 +
// scenario * 10 + replicate + step / 10, so every statistic is known in closed form.
ReplicatedSeries synthetic() {
  ReplicatedSeries runs(2, 3, 4, 5);
  for (std::size_t o = 0; o < 2; ++o)
    for (std::size_t k = 0; k < 3; ++k)
      for (std::size_t r = 0; r < 4; ++r) {
        auto s = runs.series(o, k, r);
        for (std::size_t t = 0; t < 5; ++t) s[t] = double(o * 100 + k * 10 + r) + double(t) / 10.0;
      }
  return runs;
}

}  // namespace

TEST_CASE("compare_scenarios.reduces each run and compares scenarios pair by pair") {
  const auto runs = synthetic();
  const OutcomeReduction last2{2};
  const auto c = compare_scenarios(runs, last2);
  REQUIRE(c.size() == 2);
  // Outcome 1, scenario 2, replicate 3: 100 + 20 + 3 + mean(0.3, 0.4).
  CHECK(c[1].values[2][3] == doctest::Approx(123.35));
  CHECK(c[1].mean[2].mean == doctest::Approx(121.85));  // replicates 0..3 average 1.5
  // Every replicate of scenario 2 is exactly 20 above the same replicate of scenario 0:
  // the paired difference has no spread at all, the means' intervals do.
  CHECK(c[1].difference[2].mean == doctest::Approx(20.0));
  CHECK(c[1].difference[2].upper - c[1].difference[2].lower == doctest::Approx(0.0));
  CHECK(c[1].mean[2].upper - c[1].mean[2].lower > 1.0);
  CHECK(c[0].difference[0].mean == 0.0);
  CHECK(c[0].difference[0].lower == 0.0);
}

TEST_CASE("compare_scenarios.gives step-by-step means and differences for charts") {
  const auto c = compare_scenarios(synthetic(), OutcomeReduction{});
  REQUIRE(c[0].series_mean.size() == 5 * 3);
  // step 4, scenario 1: mean over r of 10 + r + 0.4
  CHECK(c[0].series_mean[4 * 3 + 1].mean == doctest::Approx(11.9));
  CHECK(c[0].series_difference[4 * 3 + 1].mean == doctest::Approx(10.0));
  CHECK(c[0].series_difference[4 * 3 + 0].mean == 0.0);
}
