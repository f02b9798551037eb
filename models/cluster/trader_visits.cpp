#include "models/cluster/trader_visits.hpp"

#include <algorithm>
#include <cmath>

#include "engine/random.hpp"
#include "models/cluster/phases.hpp"
#include "models/cluster/products.hpp"
#include "models/cluster/social_capital.hpp"
#include "models/cluster/streams.hpp"

namespace sentra::cluster {

double visit_weight(double members, double social_capital, double trader_ties, double congestion) {
  if (members <= 0 || social_capital <= 0) return 0.0;
  const double crowding = congestion > 0 ? trader_ties / members / congestion : 0.0;
  return std::sqrt(members) * social_capital * std::max(0.0, 1.0 - crowding);
}

std::vector<VisitTie> trader_visits(const World& w, const std::vector<std::uint32_t>& old_to_new) {
  std::vector<VisitTie> visits;
  const auto& P = w.params;
  const auto& q = P.intermediaries;
  const auto C = static_cast<std::size_t>(w.clusters);
  const double chance = std::min(1.0, q.visit_rate * double(P.world.compact_every) / 12.0);
  // No review yet (or none sized): no social capital to be drawn by.
  if (chance <= 0 || C == 0 || w.cluster.social_capital.size() != C || w.intermediary.size() == 0) return visits;

  const auto members = cluster_members(w);
  std::vector<double> ties(C, 0.0);
  for (std::size_t c = 0; c < C; ++c)
    for (const auto i : members.of(c)) ties[c] += double(w.net.supply.in_degree(i));
  // Clusters by (region, product): a trader visits those of its own market.
  std::vector<std::vector<std::uint32_t>> local(w.region.size() * product_count);
  for (std::size_t c = 0; c < C; ++c)
    local[std::size_t(w.cluster_region[c]) * product_count + w.cluster_product[c]].push_back(static_cast<std::uint32_t>(c));

  const auto base = w.net.space.intermediary_offset();
  std::vector<double> weight;
  std::vector<std::uint32_t> suppliers;
  constexpr int tries = 16;  // members looked at; a cluster whose firms it mostly buys from already is left
  for (std::uint32_t m = 0; m < w.intermediary.size(); ++m) {
    // Demand to spare: its buyers ordered more than it could deliver last month.
    if (!(w.intermediary.ordered[m] > w.intermediary.delivered[m])) continue;
    RandomStream rng(P.seed, stream::trader_visit, m, static_cast<std::uint64_t>(w.step), 0);
    if (!rng.bernoulli(chance)) continue;
    const auto& near = local[std::size_t(w.intermediary.region[m]) * product_count + w.intermediary.product[m]];
    weight.assign(near.size(), 0.0);
    double total = 0;
    for (std::size_t k = 0; k < near.size(); ++k) {
      const auto c = near[k];
      weight[k] = visit_weight(double(members.of(c).size()), w.cluster.social_capital[c], ties[c], q.visit_congestion);
      total += weight[k];
    }
    if (!(total > 0)) continue;
    // The cluster whose interval of the cumulative weights holds u (rounding: the last with weight).
    double u = rng.uniform() * total;
    std::size_t k = 0, last = 0;
    for (; k < near.size(); ++k) {
      if (weight[k] <= 0) continue;
      last = k;
      if (u < weight[k]) break;
      u -= weight[k];
    }
    const auto c = near[std::min(k, last)];
    const auto mem = members.of(c);
    suppliers.clear();
    w.net.supply.for_out(base + m, [&](std::uint32_t, std::uint32_t j, const SupplyEdge&) { suppliers.push_back(j); });
    for (int t = 0; t < tries; ++t) {
      const auto j = mem[rng.below(mem.size())];
      if (std::find(suppliers.begin(), suppliers.end(), j) != suppliers.end()) continue;
      const double channels = double(w.net.supply.in_degree(j) + 1) + (w.net.sales.in_degree(j) > 0 ? 1.0 : 0.0) +
                              (w.net.partnership.in_degree(j) > 0 ? 1.0 : 0.0);
      const double per_channel = double(w.sme.productivity[j]) * w.sme.employment[j] / (1.0 + P.sme.output_buffer) / channels;
      visits.push_back({m, old_to_new[j], {static_cast<float>(per_channel / signal_share(w, j))}});
      ties[c] += 1.0;
      break;
    }
  }
  return visits;
}

}  // namespace sentra::cluster
