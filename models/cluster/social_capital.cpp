// Cluster social capital (see social_capital.hpp for the measures and why the norm uses
// cohesion). Measured at review months only: trust moves by a few per cent a month and joint
// action, its one user, decides once a year, so a monthly measurement would cost a pass over
// every tie each month for nothing.
#include "models/cluster/social_capital.hpp"

#include <algorithm>
#include <utility>

#include <boost/graph/edge_list.hpp>
#include <boost/graph/incremental_components.hpp>
#include <boost/pending/disjoint_sets.hpp>
#include <boost/property_map/property_map.hpp>

#include "models/cluster/phases.hpp"

namespace sentra::cluster {

ClusterMembers cluster_members(const World& w) {
  const auto C = static_cast<std::size_t>(w.clusters);
  const auto& s = w.sme;
  ClusterMembers m;
  m.offset.assign(C + 1, 0);
  for (std::size_t i = 0; i < s.size(); ++i)
    if (s.alive[i] && s.cluster[i] >= 0) ++m.offset[static_cast<std::size_t>(s.cluster[i]) + 1];
  for (std::size_t c = 0; c < C; ++c) m.offset[c + 1] += m.offset[c];
  m.index.resize(m.offset[C]);
  std::vector<std::uint32_t> next(m.offset.begin(), m.offset.end() - 1);
  for (std::uint32_t i = 0; i < s.size(); ++i)
    if (s.alive[i] && s.cluster[i] >= 0) m.index[next[static_cast<std::size_t>(s.cluster[i])]++] = i;
  return m;
}

void size_cluster_store(World& w) {
  const auto C = static_cast<std::size_t>(w.clusters);
  auto& cs = w.cluster;
  if (cs.members.size() == C) return;
  cs.members.assign(C, 0);
  for (auto* v : {&cs.density, &cs.mean_trust, &cs.social_capital, &cs.cohesion, &cs.bridging, &cs.norm, &cs.jp_saving,
                  &cs.jp_saving_before})
    v->assign(C, 0.f);
  cs.participants.assign(C * 3, 0);
  cs.defectors.assign(C * 3, 0);
  cs.succeeded.assign(C * 3, 0);
}

void measure_social_capital(World& w, Scheduler& scheduler) {
  size_cluster_store(w);
  const auto& s = w.sme;
  const auto& sp = w.net.space;
  auto& cs = w.cluster;
  const auto members = cluster_members(w);
  const auto trusted = static_cast<float>(w.params.clusters.trusted_tie);

  // A trader bridges its suppliers' cluster to the outside when it buys from live firms of
  // more than one cluster (or from firms outside any).
  std::vector<std::uint8_t> trader_bridges(sp.intermediaries, 0);
  scheduler.for_each(sp.intermediaries, [&](std::size_t m) {
    bool first = true, mixed = false;
    std::int32_t seen = -1;
    w.net.supply.for_out(static_cast<std::uint32_t>(sp.intermediary_offset() + m),
                         [&](std::uint32_t, std::uint32_t j, const SupplyEdge&) {
      if (!s.alive[j]) return;
      if (first) seen = s.cluster[j];
      mixed = mixed || s.cluster[j] != seen;
      first = false;
    });
    trader_bridges[m] = mixed;
  }, 64);

  scheduler.for_each(static_cast<std::size_t>(w.clusters), [&](std::size_t c) {
    const auto mem = members.of(c);
    const auto n = mem.size();
    const auto cluster = static_cast<std::int32_t>(c);
    // Scratch reused across clusters on this thread: local ids, the trusted ties between
    // them, and the disjoint-set forest.
    thread_local LocalIds local;
    local.assign(mem);
    thread_local std::vector<std::pair<std::uint32_t, std::uint32_t>> ties;
    thread_local std::vector<std::uint32_t> rank, parent, group;
    ties.clear();
    double internal = 0, trust = 0, all = 0, outside = 0;
    for (std::size_t k = 0; k < n; ++k) {
      const auto i = mem[k];
      w.net.social.for_out(i, [&](std::uint32_t, std::uint32_t j, const SocialEdge& tie) {
        if (!s.alive[j]) return;
        all += 1;
        if (s.cluster[j] != cluster) {
          outside += 1;
          return;
        }
        internal += 1;
        trust += tie.trust;
        if (tie.trust >= trusted) ties.emplace_back(static_cast<std::uint32_t>(k), local[j]);
      });
      w.net.supply.for_in(i, [&](std::uint32_t, std::uint32_t m, const SupplyEdge&) {
        all += 1;
        outside += trader_bridges[m - sp.intermediary_offset()];
      });
      const auto partners = double(w.net.partnership.in_degree(i));
      all += partners;
      outside += partners;
    }

    // Trusted components: Boost.Graph's incremental_components over the edge list of
    // trusted ties (union by rank with path compression; direction does not matter).
    std::size_t largest = 0;
    if (n > 0) {
      rank.assign(n, 0);
      parent.resize(n);
      const boost::typed_identity_property_map<std::uint32_t> id;
      boost::disjoint_sets sets(boost::make_iterator_property_map(rank.begin(), id),
                                boost::make_iterator_property_map(parent.begin(), id));
      for (std::uint32_t k = 0; k < n; ++k) sets.make_set(k);
      auto graph = boost::make_edge_list(ties.begin(), ties.end());
      boost::incremental_components(graph, sets);
      group.assign(n, 0);
      for (std::uint32_t k = 0; k < n; ++k) largest = std::max<std::size_t>(largest, ++group[sets.find_set(k)]);
    }

    const double pairs = double(n) * double(n > 0 ? n - 1 : 0);
    const double density = pairs > 0 ? std::min(1.0, internal / pairs) : 0.0;
    const double mean_trust = internal > 0 ? trust / internal : 0.0;
    // A firm alone is not a group: without a trusted tie cohesion is 0.
    const double cohesion = largest >= 2 ? double(largest) / double(n) : 0.0;
    cs.members[c] = static_cast<std::uint32_t>(n);
    cs.density[c] = static_cast<float>(density);
    cs.mean_trust[c] = static_cast<float>(mean_trust);
    cs.social_capital[c] = static_cast<float>(density * mean_trust);
    cs.cohesion[c] = static_cast<float>(cohesion);
    cs.norm[c] = static_cast<float>(cohesion * mean_trust);
    cs.bridging[c] = static_cast<float>(all > 0 ? outside / all : 0.0);
  }, 16);
}

void social_capital(World& w, const PhaseContext& ctx) {
  if (!review_month(w, ctx.step)) return;
  measure_social_capital(w, ctx.scheduler);
}

}  // namespace sentra::cluster
