// Traders' margins, resale prices and chains, and the open cluster information system.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <variant>

#include "hand_built_world.hpp"
#include "model_fixture.hpp"
#include "models/cluster/order_book.hpp"
#include "models/cluster/phases.hpp"
#include "models/cluster/simulation.hpp"
#include "models/cluster/supply_orders.hpp"
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

TEST_CASE("intermediary_order.orders go to suppliers that can make anything by tie weight; export orders only to export-grade ones, or to all if none is") {
  // One trader with four suppliers: 0 and 3 of export grade, 1 below it, 2 making nothing
  // this month. Tie weights 1, 2, 4, 3. Its home buyer orders 60 units, its export buyer 20.
  testing::HandBuilt h;
  h.cluster = {-1, -1, -1, -1};
  h.traders = 1;
  h.supply = {{0, 0}, {0, 1}, {0, 2}, {0, 3}};
  h.buyers = {Segment::traditional, Segment::exporter};
  h.sales = {{0, 4}, {1, 4}};  // vertex 4: the trader
  World w = testing::hand_built_world(h);
  const float weight[] = {1.f, 2.f, 4.f, 3.f};
  w.net.supply.for_out_mut(4, [&](std::uint32_t, std::uint32_t j, SupplyEdge& tie) { tie.weight = weight[j]; });
  const float quality[] = {0.9f, 0.2f, 0.9f, 0.9f};
  for (std::uint32_t j = 0; j < 4; ++j) {
    w.offer_quality[j] = quality[j];
    w.offer_capacity[j] = j == 2 ? 0.f : 10.f;
  }
  REQUIRE(w.params.buyers.quality_floor_export == doctest::Approx(0.5));
  w.net.sales.for_in(4, [&](std::uint32_t e, std::uint32_t src, const SalesEdge&) {
    w.sales_order[e] = src == w.net.space.buyer_offset() ? 60.f : 20.f;
  });
  sentra::Scheduler one(1);
  const sentra::PhaseContext ctx{one, 0, 0};
  const auto orders_on_ties = [&] {
    std::vector<SupplyOrder> got;
    w.net.supply.for_out(4, [&](std::uint32_t, std::uint32_t j, const SupplyEdge& tie) {
      got.push_back(supply_order(w, 0, j, tie));
      // The SME's order book reads the same order from its side of the tie.
      CHECK(order_book(w, j).via == doctest::Approx(got.back().units));
      CHECK(order_book(w, j).via_export == doctest::Approx(got.back().exports));
    });
    return got;
  };

  intermediary_order(w, ctx);
  CHECK(w.intermediary.ordered[0] == doctest::Approx(80));
  CHECK(w.intermediary.export_ordered[0] == doctest::Approx(20));
  // Home orders over weights 1 + 2 + 3 (supplier 2 makes nothing); export orders over 1 + 3.
  auto got = orders_on_ties();
  REQUIRE(got.size() == 4);
  CHECK(got[0].units == doctest::Approx(60.0 / 6 + 20.0 / 4));
  CHECK(got[0].exports == doctest::Approx(20.0 / 4));
  CHECK(got[1].units == doctest::Approx(60.0 * 2 / 6));
  CHECK(got[1].exports == 0.f);
  CHECK(got[2].units == 0.f);
  CHECK(got[2].exports == 0.f);
  CHECK(got[3].units == doctest::Approx(60.0 * 3 / 6 + 20.0 * 3 / 4));
  CHECK(got[3].exports == doctest::Approx(20.0 * 3 / 4));

  // No supplier of export grade: export orders go to all that can make anything, as home ones.
  w.offer_quality[0] = w.offer_quality[3] = 0.2f;
  intermediary_order(w, ctx);
  got = orders_on_ties();
  CHECK(got[0].units == doctest::Approx(80.0 / 6));
  CHECK(got[0].exports == doctest::Approx(20.0 / 6));
  CHECK(got[1].units == doctest::Approx(80.0 * 2 / 6));
  CHECK(got[2].units == 0.f);
  CHECK(got[3].units == doctest::Approx(80.0 * 3 / 6));
  CHECK(got[3].exports == doctest::Approx(20.0 * 3 / 6));

  // No export orders at all: home orders by weight, nothing for export.
  w.net.sales.for_in(4, [&](std::uint32_t e, std::uint32_t src, const SalesEdge&) {
    if (src != w.net.space.buyer_offset()) w.sales_order[e] = 0.f;
  });
  intermediary_order(w, ctx);
  REQUIRE(w.intermediary.export_ordered[0] == 0.f);
  got = orders_on_ties();
  CHECK(got[0].units == doctest::Approx(60.0 / 6));
  CHECK(got[1].units == doctest::Approx(60.0 * 2 / 6));
  CHECK(got[2].units == 0.f);
  CHECK(got[3].units == doctest::Approx(60.0 * 3 / 6));
  for (const auto& o : got) CHECK(o.exports == 0.f);
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
