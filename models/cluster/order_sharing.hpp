#pragma once
// Sharing large orders in clusters: a clustered exporter passes part of the export orders it
// cannot fill to cluster mates it trusts, workshops below the export grade whose goods it
// finishes and grades (the study's clustered producers "share large orders"; Jepara's
// furniture exporters and the workshops around them). Two phases (order_sharing.cpp): before
// SMEs settle, each exporter sets the rate at which it passes orders on; after they settle,
// it delivers what its mates made to its own buyers. In between, sme_settle books a mate's
// shared orders with its others.
#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "models/cluster/world.hpp"

namespace sentra::cluster {

// Whether SME j can take a mate's shared export orders this month: it makes something and is
// below the export grade (a firm that exports itself fills its own export orders first).
inline bool takes_shared_orders(const World& w, std::uint32_t j) {
  return w.offer_capacity[j] > 0.f && w.offer_quality[j] < static_cast<float>(w.params.buyers.quality_floor_export);
}

// f(j, trust) once for each distinct cluster mate j that i has a tie to, with i's trust on
// its first tie to j. Ties are drawn with replacement (§5.4), so a pair may be tied twice;
// it shares orders once.
template <class F>
void for_each_mate(const World& w, std::uint32_t i, F&& f) {
  const auto targets = w.net.social.targets(i);
  std::size_t position = 0;
  w.net.social.for_out(i, [&](std::uint32_t, std::uint32_t j, const SocialEdge& tie) {
    const auto earlier = targets.begin() + static_cast<std::ptrdiff_t>(position++);
    if (std::find(targets.begin(), earlier, j) == earlier) f(j, tie.trust);
  });
}

// k's trust in its cluster mate j on its first tie to j (ties are stored in both directions;
// 0 if there is none).
inline float trust_in(const World& w, std::uint32_t k, std::uint32_t j) {
  float trust = 0.f;
  bool found = false;
  w.net.social.for_out(k, [&](std::uint32_t, std::uint32_t t, const SocialEdge& tie) {
    if (!found && t == j) {
      trust = tie.trust;
      found = true;
    }
  });
  return trust;
}

// Units of export orders mate j is passed by exporter k this month: k's rate × k's trust in
// j (trust_kj, as for_each_mate or trust_in give it) × j's capacity (at most j's capacity ×
// trust from each exporter, as the rate is at most 1).
inline double shared_units(const World& w, std::uint32_t k, std::uint32_t j, float trust_kj) {
  return double(w.share_rate[k]) * trust_kj * w.offer_capacity[j];
}

// The share of export buyers' orders seller v fills this month. An exporter that shared
// orders delivers its mates' goods to its export buyers, so it fills more of their orders
// than of its others; a trader passes on what its suppliers filled of each kind. Other
// sellers (big firms) fill both alike.
inline float export_fill(const World& w, std::uint32_t v) {
  return v < w.export_fill.size() ? w.export_fill[v] : w.fill_ratio[v];
}

struct SharedOrders {
  double units = 0, value = 0;  // units passed to the SME, and what they are paid at the exporters' export prices
};
// What SME j is passed by its mates this month.
SharedOrders shared_orders_to(const World& w, std::uint32_t j);

}  // namespace sentra::cluster
