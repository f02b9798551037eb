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

// A cluster's members by their index within the cluster: SME id -> local id, in a small
// open-addressing table each thread reuses (an array over all SMEs would add 4 bytes per
// SME at every review, which counts at 10^7 firms).
class LocalIds {
 public:
  void assign(std::span<const std::uint32_t> members) {
    unsigned bits = 4;
    while ((std::size_t{1} << bits) < 2 * members.size()) ++bits;
    shift_ = 64 - bits;
    mask_ = (std::size_t{1} << bits) - 1;
    keys_.assign(mask_ + 1, empty);
    values_.resize(mask_ + 1);
    for (std::uint32_t k = 0; k < members.size(); ++k) {
      auto h = slot(members[k]);
      while (keys_[h] != empty) h = (h + 1) & mask_;
      keys_[h] = members[k];
      values_[h] = k;
    }
  }
  // The local id of a member (`id` must be one).
  std::uint32_t operator[](std::uint32_t id) const {
    auto h = slot(id);
    while (keys_[h] != id) h = (h + 1) & mask_;
    return values_[h];
  }

 private:
  static constexpr std::uint32_t empty = 0xffffffffu;
  std::size_t slot(std::uint32_t id) const { return std::size_t((std::uint64_t{id} * 0x9E3779B97F4A7C15ull) >> shift_); }
  std::vector<std::uint32_t> keys_, values_;
  std::size_t mask_ = 0;
  unsigned shift_ = 60;
};

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
