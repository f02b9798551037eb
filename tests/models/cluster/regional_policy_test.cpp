// Regional levy and licensing rules: informality, entry deterrence, the licence fee and wait.
#include <doctest/doctest.h>

#include <variant>

#include "model_fixture.hpp"
#include "models/cluster/phases.hpp"
#include "models/cluster/regional_policy.hpp"
#include "models/cluster/simulation.hpp"
#include "models/cluster/world_builder.hpp"

using namespace sentra::cluster;

namespace {

// High exit hazards and compaction every 2 months, so plenty of entrants arrive at month 2.
const std::vector<std::string> churn = {"world.smes=20000", "world.intermediaries=200", "world.buyers=2000",
                                        "world.compact_every=2", "sme.hazard_micro=0.2", "sme.hazard_small=0.2"};

double aggregate(const sentra::StepObservation& o, const char* name) {
  const auto* c = o.aggregates.find(name);
  REQUIRE(c != nullptr);
  return std::get<std::vector<double>>(c->data).at(0);
}

}  // namespace

TEST_CASE("informal_probability and entry_deterrent.start at the calibrated share and 1, and move with levies and entry costs") {
  World w = build_world(testing::small_params());
  const double s0 = w.params.sme.informal_share_micro;
  CHECK(informal_probability(w, 0) == doctest::Approx(s0));
  CHECK(entry_deterrent(w, 0) == doctest::Approx(1.0));

  w.region.levy_rate[0] += 0.03f;
  CHECK(informal_probability(w, 0) == doctest::Approx(s0 + w.params.sme.informality_levy_response * 0.03).epsilon(1e-4));
  CHECK(entry_deterrent(w, 0) < 1.0);
  CHECK(informal_probability(w, 1) == doctest::Approx(s0));  // other regions keep their rules

  const double levy_only = entry_deterrent(w, 0);
  w.region.licence_delay[0] += 2.f;
  CHECK(informal_probability(w, 0) ==
        doctest::Approx(s0 + w.params.sme.informality_levy_response * 0.03 + w.params.sme.informality_cost_response * 2.0)
            .epsilon(1e-4));
  CHECK(entry_deterrent(w, 0) < levy_only);

  w.region.levy_rate[0] = 0.9f;  // absurd levy: everyone informal, no more than certainty
  CHECK(informal_probability(w, 0) == 1.0);
  w.region.levy_rate[0] = 0.f;
  w.region.licence_delay[0] = 0.f;
  w.region.licence_fee[0] = 0.f;
  CHECK(informal_probability(w, 0) < s0);  // lighter rules than at the start: fewer evade
  CHECK(entry_deterrent(w, 0) > 1.0);
}

TEST_CASE("licence.formal entrants pay the fee and sell nothing until the licence comes; informal ones sell at once") {
  auto sets = churn;
  sets.push_back("policy.licence_delay=3");
  sets.push_back("policy.licence_fee=2");
  Simulation sim(testing::small_params(sets), 2);
  sim.step();
  sim.step();
  sim.step();  // month 2: compaction and entry at its start
  const auto& w = sim.world();
  int formal = 0, informal = 0, formal_entrants = 0;
  for (std::size_t i = 0; i < w.sme.size(); ++i) {
    if (w.sme.birth_step[i] != 2) continue;
    if (!w.sme.informal[i]) ++formal_entrants;  // every one paid, even if it exited in month 2
    if (!w.sme.alive[i]) continue;
    if (w.sme.informal[i]) {
      CHECK(w.sme.licence_wait[i] == 0);
      CHECK(may_sell(w, i, 2));
      CHECK(w.sme.planned_output[i] > 0.f);
      ++informal;
    } else {
      CHECK(w.sme.licence_wait[i] == 3);
      CHECK(!may_sell(w, i, 4));
      CHECK(may_sell(w, i, 5));
      CHECK(w.sme.planned_output[i] == 0.f);
      CHECK(w.sme.sold[i] == 0.f);
      CHECK(w.sme.profit[i] < 0.f);  // the workers are paid meanwhile
      ++formal;
    }
  }
  CHECK(formal > 10);
  CHECK(informal > 10);
  double fees = 0;
  for (double f : w.region.fees_collected) fees += f;
  CHECK(fees == doctest::Approx(2.0 * formal_entrants));
}

TEST_CASE("levy proliferation.higher levies and licence costs mean fewer entrants and more informal micro firms (same seed)") {
  auto base = testing::small_params(churn);
  base.steps = 7;
  auto raised = base;
  for (const char* key : {"policy.levy_rate", "policy.licence_fee", "policy.licence_delay"})
    raised.timeline.push_back({1, key, std::string(key) == "policy.levy_rate" ? 0.06 : 3.0, -1, {}});
  auto run = [](const Params& p) {
    Simulation sim(p, 2);
    double entries = 0, informal = 0;
    for (std::int64_t t = 0; t < p.steps; ++t) {
      sim.step();
      const auto o = sim.observe(false, false);
      entries += aggregate(o, "entries");
      informal = aggregate(o, "informal_share");
    }
    return std::pair(entries, informal);
  };
  const auto [base_entries, base_informal] = run(base);
  const auto [raised_entries, raised_informal] = run(raised);
  CHECK(base_entries > 100);
  CHECK(raised_entries < 0.8 * base_entries);
  CHECK(raised_informal > base_informal + 0.02);
}
