// Traders' visits to clusters (trader_visits.hpp) on hand-built worlds whose clusters, social
// capital and trader ties are known, and in a run.
#include "models/cluster/trader_visits.hpp"

#include <doctest/doctest.h>

#include <numeric>

#include "hand_built_world.hpp"
#include "models/cluster/simulation.hpp"
#include "models/cluster/social_capital.hpp"

using namespace sentra::cluster;

namespace {

// Two clusters of 10 firms each (0-9, 10-19) in region 0, product 0, and `traders` traders of
// that market whose buyers ordered more than they delivered; every trader visits (rate 1).
World two_clusters(std::uint32_t traders, float sc0, float sc1, std::vector<std::pair<std::uint32_t, std::uint32_t>> supply = {},
                   std::vector<std::string> overrides = {}) {
  testing::HandBuilt h;
  h.cluster.assign(20, 0);
  std::fill(h.cluster.begin() + 10, h.cluster.end(), 1);
  h.traders = traders;
  h.supply = std::move(supply);
  overrides.insert(overrides.begin(), "intermediaries.visit_rate=1");  // the test's own come after
  auto w = testing::hand_built_world(h, overrides);
  w.cluster_product.assign(2, 0);
  size_cluster_store(w);
  w.cluster.social_capital = {sc0, sc1};
  for (std::uint32_t m = 0; m < traders; ++m) {
    w.intermediary.ordered[m] = 10.f;
    w.intermediary.delivered[m] = 5.f;
  }
  w.step = 12;
  return w;
}

std::vector<std::uint32_t> identity(const World& w) {
  std::vector<std::uint32_t> v(w.sme.size());
  std::iota(v.begin(), v.end(), 0u);
  return v;
}

}  // namespace

TEST_CASE("visit_weight.grows with members and social capital, falls with congestion to zero") {
  CHECK(visit_weight(16, 0.5, 0, 3) == doctest::Approx(4 * 0.5));
  CHECK(visit_weight(16, 0.5, 24, 3) == doctest::Approx(4 * 0.5 * 0.5));  // 1.5 ties per member of 3
  CHECK(visit_weight(16, 0.5, 48, 3) == 0.0);                             // full
  CHECK(visit_weight(16, 0.5, 96, 3) == 0.0);                             // overcrowded: never negative
  CHECK(visit_weight(0, 0.5, 0, 3) == 0.0);
  CHECK(visit_weight(16, 0.0, 0, 3) == 0.0);
  CHECK(visit_weight(16, 0.6, 0, 3) > visit_weight(16, 0.3, 0, 3));
  CHECK(visit_weight(25, 0.5, 0, 3) > visit_weight(16, 0.5, 0, 3));
}

TEST_CASE("trader_visits.a visit goes to the cluster with the higher weight when others are equal") {
  // Social capital only in cluster 1: every visit goes there.
  auto w = two_clusters(30, 0.f, 0.4f);
  auto v = trader_visits(w, identity(w));
  REQUIRE(v.size() == 30);
  for (const auto& t : v) CHECK(w.sme.cluster[t.sme] == 1);
  // 0.4 against 0.1, same size, no trader ties: about 4 visits in 5 go to cluster 0. Congestion
  // counts this boundary's visits, so it is set high to keep the weights as they are.
  auto u = two_clusters(400, 0.4f, 0.1f, {}, {"intermediaries.visit_congestion=100"});
  const auto visits = trader_visits(u, identity(u));
  REQUIRE(visits.size() == 400);
  double to0 = 0;
  for (const auto& t : visits) to0 += u.sme.cluster[t.sme] == 0;
  CHECK(to0 / 400 == doctest::Approx(0.8).epsilon(0.1));
}

TEST_CASE("trader_visits.congestion stops visits") {
  // Trader 0 buys from every member of both clusters: one tie per member, and a cluster is full at one.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> supply;
  for (std::uint32_t i = 0; i < 20; ++i) supply.push_back({0, i});
  auto w = two_clusters(5, 0.5f, 0.5f, supply, {"intermediaries.visit_congestion=1"});
  CHECK(trader_visits(w, identity(w)).empty());
  // At two ties per member the same clusters take visits, until the visits fill them: 20 more ties
  // (one per member) and no more, so of 25 traders five go without.
  auto u = two_clusters(25, 0.5f, 0.5f, supply, {"intermediaries.visit_congestion=2"});
  CHECK(trader_visits(u, identity(u)).size() == 20);
}

TEST_CASE("trader_visits.only traders with demand to spare visit") {
  auto w = two_clusters(4, 0.5f, 0.5f);
  w.intermediary.delivered[1] = 10.f;  // delivered all it was asked for
  w.intermediary.ordered[2] = 0.f;     // no orders
  w.intermediary.delivered[2] = 0.f;
  const auto v = trader_visits(w, identity(w));
  REQUIRE(v.size() == 2);
  CHECK(v[0].trader == 0);
  CHECK(v[1].trader == 3);
  auto none = two_clusters(4, 0.5f, 0.5f, {}, {"intermediaries.visit_rate=0"});
  CHECK(trader_visits(none, identity(none)).empty());
}

TEST_CASE("trader_visits.edges join a cluster of the trader's product and region") {
  auto w = two_clusters(20, 0.1f, 0.9f);
  // Cluster 1 is richer in social capital but makes product 1 ...
  w.cluster_product[1] = 1;
  for (std::uint32_t i = 10; i < 20; ++i) w.sme.product[i] = 1;
  auto v = trader_visits(w, identity(w));
  REQUIRE(v.size() == 20);
  for (const auto& t : v) CHECK(w.sme.product[t.sme] == w.intermediary.product[t.trader]);
  // ... or lies in another region.
  auto u = two_clusters(20, 0.1f, 0.9f);
  for (auto* f : {&u.region.unit_labour_cost, &u.region.information_system, &u.region.infrastructure}) f->push_back(f->front());
  u.cluster_region[1] = 1;
  for (std::uint32_t i = 10; i < 20; ++i) u.sme.region[i] = 1;
  v = trader_visits(u, identity(u));
  REQUIRE(v.size() == 20);
  for (const auto& t : v) CHECK(u.sme.region[t.sme] == u.intermediary.region[t.trader]);
  // A trader of product 1 finds no cluster of its market and stays home.
  w.intermediary.product[0] = 1;
  w.cluster_product[1] = 0;
  for (std::uint32_t i = 10; i < 20; ++i) w.sme.product[i] = 0;
  for (const auto& t : trader_visits(w, identity(w))) CHECK(t.trader != 0);
}

TEST_CASE("trader_visits.no second tie from a trader to a firm it buys from") {
  // Trader 0 already buys from firms 0-8 of cluster 0 (the only cluster with social capital).
  std::vector<std::pair<std::uint32_t, std::uint32_t>> supply;
  for (std::uint32_t i = 0; i < 9; ++i) supply.push_back({0, i});
  auto w = two_clusters(1, 0.5f, 0.f, supply, {"intermediaries.visit_congestion=100"});
  auto v = trader_visits(w, identity(w));
  REQUIRE(v.size() == 1);
  CHECK(v[0].sme == 9);
  CHECK(v[0].edge.weight > 0.f);
  // Tied to all ten: it finds no new supplier.
  supply.push_back({0, 9});
  auto full = two_clusters(1, 0.5f, 0.f, supply, {"intermediaries.visit_congestion=100"});
  CHECK(trader_visits(full, identity(full)).empty());
}

TEST_CASE("trader_visits.in a run, visits add supply ties between agents of one product at the boundary") {
  auto p = testing::small_params({"world.compact_every=4", "clusters.review_every=4", "steps=6", "intermediaries.visit_rate=1"});
  Simulation sim(p, 2);
  for (int t = 0; t < 4; ++t) sim.step();  // review at month 0
  sim.step();                              // month 4: the boundary adds the ties first
  const auto& w = sim.world();
  CHECK(w.trader_visits_this_step > 0);
  const auto base = w.net.space.intermediary_offset();
  for (std::uint32_t m = 0; m < w.intermediary.size(); ++m) {
    std::vector<std::uint32_t> seen;
    w.net.supply.for_out(base + m, [&](std::uint32_t, std::uint32_t j, const SupplyEdge&) {
      CHECK(w.sme.product[j] == w.intermediary.product[m]);
      seen.push_back(j);
    });
  }
}

TEST_CASE("trader_visits.runs with visits are bit-identical at 1, 2 and 4 threads") {
  auto p = testing::small_params({"world.compact_every=4", "clusters.review_every=4", "steps=13", "intermediaries.visit_rate=1"});
  std::vector<std::vector<std::pair<std::uint32_t, float>>> ties[3];
  std::int64_t visits[3] = {0, 0, 0};
  int k = 0;
  for (int threads : {1, 2, 4}) {
    Simulation sim(p, threads);
    for (int t = 0; t < 13; ++t) {
      sim.step();
      visits[k] += sim.world().trader_visits_this_step;
    }
    const auto& w = sim.world();
    ties[k].resize(w.intermediary.size());
    for (std::uint32_t m = 0; m < w.intermediary.size(); ++m)
      w.net.supply.for_out(w.net.space.intermediary_offset() + m, [&](std::uint32_t, std::uint32_t j, const SupplyEdge& e) {
        ties[k][m].emplace_back(w.sme.uid[j], e.weight);
      });
    ++k;
  }
  CHECK(visits[0] > 0);
  CHECK(visits[0] == visits[1]);
  CHECK(visits[0] == visits[2]);
  CHECK(ties[0] == ties[1]);
  CHECK(ties[0] == ties[2]);
}
