#pragma once
// A world built by hand for tests that need known ties, trust and members: SMEs in one
// region with the clusters given, traders, big firms and the edges listed; every other field
// takes a plain value (one worker, productivity 10, price 1, orders none).
#include <vector>

#include "engine/compaction.hpp"
#include "model_fixture.hpp"
#include "models/cluster/world.hpp"
#include "models/cluster/world_builder.hpp"

namespace sentra::cluster::testing {

struct Tie {
  std::uint32_t a, b;
  float trust_ab, trust_ba;
};

struct HandBuilt {
  std::vector<std::int32_t> cluster;  // per SME, -1 outside
  std::vector<std::uint32_t> dead;    // SMEs that have exited
  std::uint32_t traders = 0, big_firms = 0;
  std::vector<Tie> ties;                                       // social, both directions
  std::vector<std::pair<std::uint32_t, std::uint32_t>> supply;  // (trader index, SME)
  std::vector<std::pair<std::uint32_t, std::uint32_t>> partners;  // (big firm index, SME)
  std::vector<Segment> buyers;                                  // one buyer of each segment listed (product 0)
  std::vector<std::pair<std::uint32_t, std::uint32_t>> sales;    // (buyer index, seller vertex)
};

inline World hand_built_world(const HandBuilt& h, std::vector<std::string> overrides = {}) {
  World w;
  w.params = small_params(std::move(overrides));
  const auto n = static_cast<std::uint32_t>(h.cluster.size());
  resize_store(w.sme, n);
  std::int32_t clusters = 0;
  for (std::uint32_t i = 0; i < n; ++i) {
    w.sme.uid[i] = i;
    w.sme.cluster[i] = h.cluster[i];
    w.sme.alive[i] = 1;
    w.sme.exit_step[i] = -1;
    w.sme.employment[i] = 1.f;
    w.sme.productivity[i] = 10.f;
    w.sme.planned_output[i] = 10.f;
    w.sme.markup[i] = 0.2f;
    w.sme.net_worth[i] = 100.0;
    clusters = std::max(clusters, h.cluster[i] + 1);
  }
  for (const auto i : h.dead) w.sme.alive[i] = 0;
  w.next_uid = n;
  w.clusters = clusters;
  w.cluster_region.assign(static_cast<std::size_t>(clusters), 0);
  w.region.unit_labour_cost = {0.45f};
  w.region.levy_rate = {0.f};
  w.region.levy_rate_initial = {0.f};
  w.region.promotion = {0.f};
  w.region.infrastructure = {1.f};
  w.region.information_system = {0.f};
  w.region.information_system_lever = {0.f};
  w.region.licence_fee = w.region.licence_fee_initial = {0.f};
  w.region.licence_delay = w.region.licence_delay_initial = {0.f};
  w.region.fees_collected = {0.0};
  w.input_tariff_initial = w.params.trade.input_tariff;
  resize_store(w.intermediary, h.traders);
  resize_store(w.big_firm, h.big_firms);
  resize_store(w.buyer, static_cast<std::uint32_t>(h.buyers.size()));
  for (std::size_t b = 0; b < h.buyers.size(); ++b) w.buyer.segment[b] = h.buyers[b];
  auto& sp = w.net.space;
  sp.smes = n;
  sp.intermediaries = h.traders;
  sp.buyers = static_cast<std::uint32_t>(h.buyers.size());
  sp.big_firms = h.big_firms;
  const auto V = sp.total();
  std::vector<SocialLayer::Edge> social;
  for (const auto& t : h.ties) {
    social.push_back({t.a, t.b, {t.trust_ab}});
    social.push_back({t.b, t.a, {t.trust_ba}});
  }
  std::vector<NetworkLayer<SupplyEdge>::Edge> supply;
  for (const auto& [m, i] : h.supply) supply.push_back({sp.intermediary_offset() + m, i, {1.f}});
  std::vector<NetworkLayer<PartnershipEdge>::Edge> partnership;
  for (const auto& [k, i] : h.partners) partnership.push_back({sp.big_firm_offset() + k, i, {}});
  w.net.social.build(V, social);
  w.net.supply.build(V, supply);
  w.net.partnership.build(V, partnership);
  std::vector<NetworkLayer<SalesEdge>::Edge> sales;
  for (const auto& [b, o] : h.sales) sales.push_back({sp.buyer_offset() + b, o, {}});
  w.net.sales.build(V, sales);
  size_month_arrays(w);
  for (std::uint32_t i = 0; i < n; ++i) {
    w.offer_price[i] = 1.f;
    w.fill_ratio[i] = 1.f;
  }
  return w;
}

}  // namespace sentra::cluster::testing
