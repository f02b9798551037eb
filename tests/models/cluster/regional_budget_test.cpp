// Regional budgets: what regions collect, the yearly budget, and what it buys.
#include "models/cluster/regional_budget.hpp"

#include <doctest/doctest.h>

#include <variant>

#include "model_fixture.hpp"
#include "models/cluster/simulation.hpp"
#include "models/cluster/world_builder.hpp"

using namespace sentra::cluster;

namespace {

// A world whose regions collected known amounts during the year.
World collected_world(std::vector<std::string> sets = {}) {
  World w = build_world(testing::small_params(std::move(sets)));
  for (std::size_t r = 0; r < w.region.size(); ++r) {
    w.region.levies_collected[r] = 100.0 * double(r + 1);
    w.region.fees_collected[r] = 10.0;
  }
  return w;
}

}  // namespace

TEST_CASE("collect_levies.adds each region's levies of live firms and of firms that exited this month, the same at any thread count") {
  World a = build_world(testing::small_params());
  auto& s = a.sme;
  std::vector<double> expected(a.region.size(), 0.0);
  for (std::size_t i = 0; i < s.size(); ++i) {
    s.levy_paid[i] = 0.01f * float(i % 7);
    if (i % 11 == 0) {  // exited last month: its levy was counted then
      s.alive[i] = 0;
      s.exit_step[i] = -2;
    } else if (i % 13 == 0) {  // exited this month: it paid this month
      s.alive[i] = 0;
      s.exit_step[i] = 0;
    }
    if (s.alive[i] || s.exit_step[i] == 0) expected[s.region[i]] += s.levy_paid[i];
  }
  World b = a;
  sentra::Scheduler one(1), four(4);
  collect_levies(a, one);
  collect_levies(b, four);
  for (std::size_t r = 0; r < a.region.size(); ++r) {
    CHECK(a.region.levies_collected[r] == doctest::Approx(expected[r]));
    CHECK(a.region.levies_collected[r] == b.region.levies_collected[r]);  // bit for bit
  }
}

TEST_CASE("settle_budgets.the first budget fixes the transfer and the reference; the starting levers hold at it") {
  World w = collected_world({"policy.central_transfer=4", "policy.levy_leakage=0.25"});
  const auto promotion = w.region.promotion, infrastructure = w.region.infrastructure;
  settle_budgets(w);
  for (std::size_t r = 0; r < w.region.size(); ++r) {
    const double own = 100.0 * double(r + 1) + 10.0;
    CHECK(w.region.revenue[r] == doctest::Approx(own));
    CHECK(w.region.transfer[r] == doctest::Approx(4.0 * own));
    CHECK(w.region.budget[r] == doctest::Approx(0.75 * own + 4.0 * own));
    CHECK(w.region.budget_reference[r] == w.region.budget[r]);
    CHECK(w.region.promotion[r] == doctest::Approx(promotion[r]));
    CHECK(w.region.infrastructure[r] == doctest::Approx(infrastructure[r]));
    CHECK(w.region.levies_collected[r] == 0.0);
    CHECK(w.region.fees_collected[r] == 0.0);
  }
}

TEST_CASE("settle_budgets.more own revenue or a larger share buys more promotion and infrastructure; the transfer stays") {
  World w = collected_world();
  settle_budgets(w);  // year 1: the reference
  const auto transfer = w.region.transfer, budget = w.region.budget;
  const auto promotion = w.region.promotion, infrastructure = w.region.infrastructure;
  const double delta = w.params.policy.infrastructure_depreciation;
  // Year 2: region 0 collects twice as much; promotion's share doubles everywhere.
  for (std::size_t r = 0; r < w.region.size(); ++r) w.region.levies_collected[r] = 100.0 * double(r + 1);
  w.region.levies_collected[0] = 200.0;
  w.region.fees_collected.assign(w.region.size(), 10.0);
  w.params.policy.budget_share_promotion *= 2.0;
  settle_budgets(w);
  CHECK(w.region.transfer[0] == transfer[0]);
  CHECK(w.region.budget[0] == doctest::Approx(budget[0] + 100.0));
  const double scale0 = w.region.budget[0] / budget[0];
  CHECK(w.region.promotion[0] == doctest::Approx(promotion[0] * scale0 * 2.0).epsilon(1e-5));
  CHECK(w.region.infrastructure[0] ==
        doctest::Approx((1 - delta) * infrastructure[0] + delta * infrastructure[0] * scale0).epsilon(1e-5));
  CHECK(w.region.infrastructure[0] > infrastructure[0]);
  CHECK(w.region.promotion[1] == doctest::Approx(promotion[1] * 2.0).epsilon(1e-5));  // same budget, double share
  CHECK(w.region.infrastructure[1] == doctest::Approx(infrastructure[1]).epsilon(1e-5));
}

TEST_CASE("settle_budgets.a cluster programme pays for open information systems up to full coverage") {
  World w = collected_world({"policy.budget_share_cluster_programme=0.5", "policy.cluster_programme_cost=1"});
  std::vector<double> clustered(w.region.size(), 0.0);
  for (std::size_t i = 0; i < w.sme.size(); ++i)
    if (w.sme.cluster[i] >= 0) clustered[w.sme.region[i]] += 1.0;
  settle_budgets(w);
  for (std::size_t r = 0; r < w.region.size(); ++r) {
    REQUIRE(clustered[r] > 0);
    const double coverage = std::min(1.0, 0.5 * w.region.budget[r] / clustered[r]);
    CHECK(w.region.programme_coverage[r] == doctest::Approx(coverage).epsilon(1e-5));
    CHECK(w.region.information_system[r] == doctest::Approx(coverage).epsilon(1e-5));
  }
  set_information_system(w, 0, 1.0);  // a lever above the coverage wins
  CHECK(w.region.information_system[0] == 1.f);
  set_information_system(w, 0, 0.0);  // and below it the programme's coverage stays
  CHECK(w.region.information_system[0] == w.region.programme_coverage[0]);
}

TEST_CASE("budgets in a run.the first budget comes at month 12 and a higher levy raises the next one") {
  auto base = testing::small_params({"steps=25"});
  auto raised = base;
  raised.timeline.push_back({12, "policy.levy_rate", 0.05, -1, {}});
  auto budgets = [](const Params& p) {
    Simulation sim(p, 2);
    std::vector<double> out;
    for (std::int64_t t = 0; t < p.steps; ++t) {
      sim.step();
      const auto o = sim.observe(false, false);
      const auto* c = o.aggregates.find("regional_budget");
      REQUIRE(c != nullptr);
      out.push_back(std::get<std::vector<double>>(c->data).at(0));
    }
    return out;
  };
  const auto a = budgets(base), b = budgets(raised);
  CHECK(a[11] == 0.0);
  CHECK(a[12] > 0.0);
  CHECK(b[12] == a[12]);      // year 1 was collected at the old rate
  CHECK(b[24] > a[24] * 1.05);  // year 2 at 5% instead of 2%
}
