// Traders' margins, resale prices and chains, and the open cluster information system.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <variant>

#include "model_fixture.hpp"
#include "models/cluster/phases.hpp"
#include "models/cluster/simulation.hpp"
#include "models/cluster/world_builder.hpp"

using namespace sentra::cluster;

namespace {

// Mean over the run's months of an aggregate series.
double mean_aggregate(const Params& p, const char* name, int threads = 2) {
  Simulation sim(p, threads);
  double total = 0;
  for (std::int64_t t = 0; t < p.steps; ++t) {
    sim.step();
    const auto obs = sim.observe(false, false);
    const auto* c = obs.aggregates.find(name);
    REQUIRE(c != nullptr);
    total += std::get<std::vector<double>>(c->data).at(0);
  }
  return total / double(p.steps);
}

}  // namespace

TEST_CASE("trader_margin.follows phi = u·(phi0 + phi1/(1 + other channels) + phi2·(1 - information)), capped") {
  World w = build_world(testing::small_params());
  const auto& q = w.params.intermediaries;
  const auto base = w.net.space.intermediary_offset();
  int checked = 0;
  for (std::uint32_t m = 0; m < w.intermediary.size(); ++m)
    w.net.supply.for_out(base + m, [&](std::uint32_t, std::uint32_t j, const SupplyEdge&) {
      const double others = double(w.net.supply.in_degree(j)) - 1.0 + (w.net.sales.in_degree(j) > 0 ? 1.0 : 0.0) +
                            (w.net.partnership.in_degree(j) > 0 ? 1.0 : 0.0);
      CHECK(others == other_channels(w, j));
      const double expected = std::min(q.margin_max, w.intermediary.bargaining[m] *
                                                         (q.margin_base + q.margin_alternatives / (1.0 + others) +
                                                          q.margin_information * (1.0 - w.sme.information[j])));
      CHECK(trader_margin(w, m, j) == doctest::Approx(expected));
      ++checked;
    });
  CHECK(checked > 100);
}

TEST_CASE("trader_margin.an SME with more information pays a smaller margin; the cap holds") {
  World w = build_world(testing::small_params());
  const auto base = w.net.space.intermediary_offset();
  std::uint32_t j = 0;
  w.net.supply.for_out(base, [&](std::uint32_t, std::uint32_t s, const SupplyEdge&) { j = s; });
  w.sme.information[j] = 0.f;
  const double uninformed = trader_margin(w, 0, j);
  w.sme.information[j] = 1.f;
  const double informed = trader_margin(w, 0, j);
  CHECK(informed < uninformed);
  CHECK(uninformed - informed == doctest::Approx(w.intermediary.bargaining[0] * w.params.intermediaries.margin_information));
  w.params.intermediaries.margin_max = 0.01;
  CHECK(trader_margin(w, 0, j) == doctest::Approx(0.01));
}

TEST_CASE("intermediary_quote.suppliers are paid their ask on average; each gets (1 - phi) of the resale price; a chain adds its margin") {
  auto p = testing::small_params({"intermediaries.chain_share=0.5"});
  World w = build_world(p);
  sentra::Scheduler one(1);
  const sentra::PhaseContext ctx{one, 0, 0};
  sme_plan(w, ctx);
  intermediary_quote(w, ctx);
  const auto base = w.net.space.intermediary_offset();
  int chains = 0, checked = 0;
  for (std::uint32_t m = 0; m < w.intermediary.size(); ++m) {
    double asked = 0, paid = 0, resale = 0;
    w.net.supply.for_out(base + m, [&](std::uint32_t, std::uint32_t j, const SupplyEdge&) {
      const double c = w.offer_capacity[j];
      asked += c * w.offer_price[j];
      paid += c * supply_price(w, m, j);
      if (c > 0) resale = w.intermediary.resale[m];
      if (c > 0) CHECK(supply_price(w, m, j) == doctest::Approx((1.0 - trader_margin(w, m, j)) * resale).epsilon(1e-5));
    });
    if (asked <= 0) continue;
    CHECK(paid == doctest::Approx(asked).epsilon(1e-5));
    const double chain = w.intermediary.chain[m] ? 1.0 - p.intermediaries.chain_margin : 1.0;
    CHECK(w.offer_price[base + m] * chain == doctest::Approx(resale).epsilon(1e-5));
    chains += w.intermediary.chain[m];
    ++checked;
  }
  CHECK(checked > 5);
  CHECK(chains > 0);
  CHECK(chains < checked);
}

TEST_CASE("signal_share.an open information system adds omega to what clustered SMEs see, not to others") {
  World w = build_world(testing::small_params());
  const double omega = w.params.policy.information_system_signal;
  std::vector<double> before(w.sme.size());
  for (std::size_t i = 0; i < w.sme.size(); ++i) before[i] = signal_share(w, i);
  for (auto& x : w.region.information_system) x = 1.f;
  int clustered = 0, others = 0;
  for (std::size_t i = 0; i < w.sme.size(); ++i) {
    if (w.sme.cluster[i] >= 0) {
      CHECK(signal_share(w, i) == doctest::Approx(std::min(1.0, before[i] + omega)));
      CHECK(information_inflow(w, i) == doctest::Approx(w.region.promotion[w.sme.region[i]] +
                                                        w.params.policy.information_system_gain));
      ++clustered;
    } else {
      CHECK(signal_share(w, i) == before[i]);
      ++others;
    }
  }
  CHECK(clustered > 0);
  CHECK(others > 0);
}

TEST_CASE("information system.switched on, it lowers traders' margins and raises SMEs' sales (same seed)") {
  auto off = testing::small_params({"steps=24", "world.smes=4000", "world.intermediaries=40", "world.buyers=400"});
  auto on = off;
  on.timeline.push_back({1, "policy.information_system", 1.0, -1, {}});
  for (const char* name : {"intermediary_margin", "mean_information", "sme_sales"}) {
    const double with = mean_aggregate(on, name), without = mean_aggregate(off, name);
    CAPTURE(name);
    if (std::string(name) == "intermediary_margin") CHECK(with < without);
    else CHECK(with > without);
  }
}

TEST_CASE("chains.traders selling through a second trader raise the final price buyers pay") {
  auto none = testing::small_params({"intermediaries.chain_share=0"});
  auto all = testing::small_params({"intermediaries.chain_share=1"});
  World a = build_world(none), b = build_world(all);
  sentra::Scheduler one(1);
  const sentra::PhaseContext ctx{one, 0, 0};
  for (World* w : {&a, &b}) {
    sme_plan(*w, ctx);
    intermediary_quote(*w, ctx);
  }
  const auto base = a.net.space.intermediary_offset();
  for (std::uint32_t m = 0; m < a.intermediary.size(); ++m) {
    if (a.offer_price[base + m] <= 0.f) continue;
    CHECK(b.offer_price[base + m] ==
          doctest::Approx(a.offer_price[base + m] / (1.0 - none.intermediaries.chain_margin)).epsilon(1e-5));
  }
}
