#pragma once
// Sharing large orders in clusters: a clustered exporter passes part of the export orders it
// cannot fill to cluster mates it trusts, workshops below the export grade whose goods it
// finishes and grades (the study's clustered producers "share large orders"; Jepara's
// furniture exporters and the workshops around them). Two phases (order_sharing.cpp): before
// SMEs settle, each exporter sets the rate at which it passes orders on; after they settle,
// it delivers what its mates made to its own buyers. In between, sme_settle books a mate's
// shared orders with its others.
#include <cstdint>

#include "models/cluster/world.hpp"

namespace sentra::cluster {

// Whether SME j can take a mate's shared export orders this month: it makes something and is
// below the export grade (a firm that exports itself fills its own export orders first).
inline bool takes_shared_orders(const World& w, std::uint32_t j) {
  return w.offer_capacity[j] > 0.f && w.offer_quality[j] < static_cast<float>(w.params.buyers.quality_floor_export);
}

// k's trust in its cluster mate j (ties are stored in both directions; 0 if there is none).
inline float trust_in(const World& w, std::uint32_t k, std::uint32_t j) {
  float trust = 0.f;
  w.net.social.for_out(k, [&](std::uint32_t, std::uint32_t t, const SocialEdge& tie) {
    if (t == j) trust = tie.trust;
  });
  return trust;
}

// Units of export orders mate j is passed by exporter k this month: k's rate × k's trust in
// j × j's capacity.
inline double shared_units(const World& w, std::uint32_t k, std::uint32_t j) {
  return double(w.share_rate[k]) * trust_in(w, k, j) * w.offer_capacity[j];
}

struct SharedOrders {
  double units = 0, value = 0;  // units passed to the SME, and what they are paid at the exporters' export prices
};
// What SME j is passed by its mates this month.
SharedOrders shared_orders_to(const World& w, std::uint32_t j);

}  // namespace sentra::cluster
