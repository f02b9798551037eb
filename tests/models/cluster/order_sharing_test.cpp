// Sharing large orders in clusters (order_sharing.hpp): who passes, who is passed, how much,
// at what price, and what the exporter then delivers; and that the starting balance holds
// with it.
#include <doctest/doctest.h>

#include <cmath>

#include "hand_built_world.hpp"
#include "models/cluster/order_book.hpp"
#include "models/cluster/buyer_utility.hpp"
#include "models/cluster/order_sharing.hpp"
#include "models/cluster/phases.hpp"
#include "models/cluster/simulation.hpp"

using namespace sentra;
using namespace sentra::cluster;

namespace {

// SME 0 exports (clustered, export grade) and is ordered `ordered` units by trader 0, `exported`
// of them for export buyers; 1 is a mate below the grade; 2 a mate at the grade; 3 a mate
// making nothing this month; 4 an exporter outside any cluster with the same orders (trader 1).
World sharing_world(double ordered, double exported, std::vector<std::string> sets = {}, bool tied_twice = false) {
  testing::HandBuilt h;
  h.cluster = {0, 0, 0, 0, -1};
  h.traders = 2;
  h.ties = {{0, 1, 0.8f, 0.4f}, {0, 2, 0.8f, 0.8f}, {0, 3, 0.8f, 0.8f}};
  if (tied_twice) h.ties.push_back({0, 1, 0.3f, 0.3f});  // drawn twice (§5.4): the pair shares once, at its first tie's trust
  h.supply = {{0, 0}, {1, 4}};
  World w = testing::hand_built_world(h, std::move(sets));
  const float quality[] = {0.9f, 0.2f, 0.9f, 0.2f, 0.9f};
  for (std::uint32_t i = 0; i < 5; ++i) {
    w.offer_quality[i] = quality[i];
    w.offer_capacity[i] = i == 3 ? 0.f : 10.f;
    w.sme.planned_output[i] = w.offer_capacity[i];
  }
  // Traders keep no margin (bargaining 0) and resell at 2: each supplier is paid 2 a unit.
  for (std::uint32_t m = 0; m < 2; ++m) {
    w.intermediary.bargaining[m] = 0.f;
    w.intermediary.resale[m] = 2.f;
  }
  // Each trader has one supplier (tie weight 1) of export grade: its whole order, and the
  // export part of it, go on that tie (supply_orders.hpp).
  for (std::uint32_t m = 0; m < 2; ++m) {
    w.intermediary.ordered[m] = static_cast<float>(ordered);
    w.intermediary.export_ordered[m] = static_cast<float>(exported);
    w.intermediary.split[m] = TraderSplit{ordered - exported, exported, 1.0, 1.0};
  }
  return w;
}

}  // namespace

TEST_CASE("order_sharing.a clustered exporter passes s·(1 - f)·X of its export orders to mates below the grade, by capacity × trust") {
  Scheduler one(1);
  const PhaseContext ctx{one, 0, 0};
  World w = sharing_world(20, 16);
  REQUIRE(w.params.clusters.order_sharing == doctest::Approx(1.0));
  order_sharing(w, ctx);
  // Fill 10/20 = 0.5, so 8 export units go unfilled; the one mate that can take them has
  // capacity 10: rate 8/10, and it is passed 0.8 × trust 0.8 × 10 = 6.4 units at 2 a unit.
  CHECK(w.share_rate[0] == doctest::Approx(0.8));
  for (std::uint32_t i = 1; i < 5; ++i) CHECK(w.share_rate[i] == 0.f);  // mates, and the exporter outside clusters
  const SharedOrders mate = shared_orders_to(w, 1);
  CHECK(mate.units == doctest::Approx(6.4));
  CHECK(mate.value == doctest::Approx(12.8));
  CHECK(shared_orders_to(w, 2).units == 0.0);  // at the export grade: fills its own
  CHECK(shared_orders_to(w, 3).units == 0.0);  // makes nothing this month
  CHECK(shared_orders_to(w, 0).units == 0.0);

  // The mate sells them (nothing else ordered from it: all filled) and counts them as exports.
  sme_settle(w, ctx);
  CHECK(w.fill_ratio[1] == doctest::Approx(1.0));
  CHECK(w.sme.revenue[1] == doctest::Approx(12.8));
  CHECK(w.sme.exports[1] == doctest::Approx(12.8));
  CHECK(w.fill_ratio[0] == doctest::Approx(0.5));
  CHECK(w.fill_ratio[4] == doctest::Approx(0.5));
  // The exporter delivers the mate's goods to its export buyers: it fills 0.5 + 6.4/16 of
  // their orders, and still 0.5 of its others. The exporter outside a cluster has no one to
  // pass them to.
  shared_delivery(w, ctx);
  CHECK(w.fill_ratio[0] == doctest::Approx(0.5));
  CHECK(w.export_fill[0] == doctest::Approx(0.9));
  CHECK(w.export_fill[4] == doctest::Approx(0.5));
  // Its trader passes each kind on at its own fill: 4 home units at 0.5, 16 export units at 0.9.
  intermediary_settle(w, ctx);
  const auto trader = w.net.space.intermediary_offset();
  CHECK(w.intermediary.delivered[0] == doctest::Approx(2.0 + 14.4));
  CHECK(w.fill_ratio[trader] == doctest::Approx(0.5));
  CHECK(w.export_fill[trader] == doctest::Approx(0.9));
  CHECK(w.export_fill[trader + 1] == doctest::Approx(0.5));
}

TEST_CASE("order_sharing.a direct export buyer gets the mates' goods; a home buyer of the same exporter does not") {
  Scheduler one(1);
  const PhaseContext ctx{one, 0, 0};
  testing::HandBuilt h;
  h.cluster = {0, 0};
  h.ties = {{0, 1, 0.8f, 0.8f}};
  h.buyers = {Segment::exporter, Segment::traditional};
  h.sales = {{0, 0}, {1, 0}};
  World w = testing::hand_built_world(h);
  const float quality[] = {0.9f, 0.2f};
  for (std::uint32_t i = 0; i < 2; ++i) {
    w.offer_quality[i] = quality[i];
    w.offer_capacity[i] = i == 0 ? 5.f : 10.f;
    w.sme.planned_output[i] = w.offer_capacity[i];
  }
  w.sales_order[0] = 8.f;  // the export buyer's order to SME 0 (edges in buyer order)
  w.sales_order[1] = 2.f;  // the home buyer's
  // Fill 5/10 = 0.5: 4 export units unfilled; the mate (capacity 10, trust 0.8) is passed
  // 4/10 × 0.8 × 10 = 3.2, all made; the exporter fills 0.5 + 3.2/8 of its export orders.
  order_sharing(w, ctx);
  CHECK(shared_orders_to(w, 1).units == doctest::Approx(3.2));
  sme_settle(w, ctx);
  shared_delivery(w, ctx);
  CHECK(w.export_fill[0] == doctest::Approx(0.9));
  buyer_settle(w, ctx);
  const double price = w.offer_price[0];
  CHECK(w.buyer.spent_domestic[0] == doctest::Approx(8.0 * 0.9 * price * buyer_taste(w, 0).tariff_factor));
  CHECK(w.buyer.spent_domestic[1] == doctest::Approx(2.0 * 0.5 * price * buyer_taste(w, 1).tariff_factor));
}

TEST_CASE("order_sharing.a pair tied twice shares once, at the trust of its first tie") {
  Scheduler one(1);
  const PhaseContext ctx{one, 0, 0};
  World w = sharing_world(20, 16, {}, true);
  order_sharing(w, ctx);
  CHECK(w.share_rate[0] == doctest::Approx(0.8));  // the mate's capacity counted once
  CHECK(shared_orders_to(w, 1).units == doctest::Approx(6.4));
  sme_settle(w, ctx);
  shared_delivery(w, ctx);
  CHECK(w.export_fill[0] == doctest::Approx(0.9));
}

TEST_CASE("order_sharing.a mate is passed at most its capacity × trust; s scales what is passed; s = 0 passes nothing") {
  Scheduler one(1);
  const PhaseContext ctx{one, 0, 0};
  World big = sharing_world(60, 50);  // 50·(1 - 1/6) ≈ 41.7 units unfilled, against a mate of 10
  order_sharing(big, ctx);
  CHECK(big.share_rate[0] == doctest::Approx(1.0));
  CHECK(shared_orders_to(big, 1).units == doctest::Approx(8.0));

  World half = sharing_world(20, 16, {"clusters.order_sharing=0.5"});
  order_sharing(half, ctx);
  CHECK(shared_orders_to(half, 1).units == doctest::Approx(3.2));

  World none = sharing_world(20, 16, {"clusters.order_sharing=0"});
  order_sharing(none, ctx);
  CHECK(none.share_rate[0] == 0.f);
  CHECK(shared_orders_to(none, 1).units == 0.0);
}

TEST_CASE("set_initial_budgets.mates start at their size with month 0's shared orders") {
  // The starting balance gives a mate's other channels that much less, so what it sees in
  // month 0 (shared orders in full, trader orders through its filter) is what it expects to
  // sell, and its expected demand does not move. Without that the shared orders come on
  // top, and the mates' expected demand jumps by sme.expectation_weight × the orders (+4%
  // here). Some firms' expectations move by a few percent in month 0 with or without
  // sharing (12% of all firms by more than 1%), so the check is on the mates' total.
  const Params p = testing::small_params({"world.smes=10000", "world.intermediaries=100", "world.buyers=1000"});
  Simulation sim(p, 1);
  const std::vector<float> before = sim.world().sme.expected_demand;
  sim.step();
  const World& w = sim.world();
  std::size_t mates = 0;
  double shared = 0, expected_before = 0, expected_after = 0;
  for (std::uint32_t j = 0; j < w.sme.size(); ++j) {
    const double units = shared_orders_to(w, j).units;
    if (units <= 0 || !w.sme.alive[j]) continue;
    ++mates;
    shared += units;
    expected_before += before[j];
    expected_after += w.sme.expected_demand[j];
  }
  REQUIRE(mates >= 20);
  CHECK(shared > 0.1 * expected_before);  // the orders are not negligible next to the mates' size
  CHECK(expected_after == doctest::Approx(expected_before).epsilon(0.01));
}
