#pragma once
// Cluster social capital, measured on the network at each cluster review (every
// clusters.review_every months, at the end of the month; the first review is month 0).
//
// For each cluster c with n live members (ties to exited firms are ignored):
//   density     = internal social ties / (n·(n − 1))        (each direction of a tie counts once)
//   mean trust  = mean T over those ties
//   social capital (bonding, MODEL_NOTES §3) SC_c = density × mean trust
//   cohesion    = share of members in the largest group of ≥ 2 firms linked by trusted ties
//                 (T ≥ clusters.trusted_tie), found with Boost.Graph's incremental_components
//   norm        = cohesion × mean trust: what damps free riding in joint action
//   bridging    = share of the members' ties that reach actors outside the cluster: social ties
//                 to non-members, trader ties whose trader also buys outside the cluster, and
//                 every partnership (a big firm is outside)
// Density alone mostly measures cluster size (4 ties among 43 firms is 0.09 whatever the
// trust), so the norm uses cohesion: whether trusted ties reach the whole cluster, so that a
// free rider's reputation travels (Coleman's closure). Both are reported.
#include <cstdint>
#include <span>
#include <vector>

#include "engine/scheduler.hpp"
#include "models/cluster/world.hpp"

namespace sentra::cluster {

// Live SMEs grouped by cluster, in id order within each cluster.
struct ClusterMembers {
  std::vector<std::uint32_t> offset;  // clusters + 1
  std::vector<std::uint32_t> index;
  std::span<const std::uint32_t> of(std::size_t c) const {
    return {index.data() + offset[c], offset[c + 1] - offset[c]};
  }
};
ClusterMembers cluster_members(const World& w);

// Whether the month is a cluster review month.
inline bool review_month(const World& w, std::uint64_t step) {
  return step % static_cast<std::uint64_t>(w.params.clusters.review_every) == 0;
}

// Sizes w.cluster for w.clusters clusters (kept when already sized).
void size_cluster_store(World& w);

// Measures every cluster's social capital into w.cluster. Deterministic at any thread count:
// clusters are measured in parallel, each writing only its own slots.
void measure_social_capital(World& w, Scheduler& scheduler);

}  // namespace sentra::cluster
