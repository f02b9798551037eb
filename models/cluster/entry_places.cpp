#include "models/cluster/entry_places.hpp"

#include <algorithm>
#include <cmath>

#include "models/cluster/joint_action.hpp"
#include "models/cluster/partnership_patterns.hpp"
#include "models/cluster/phases.hpp"

namespace sentra::cluster {

EntryPlaces entry_places(const World& w) {
  const auto& p = w.params;
  const auto& s = w.sme;
  const auto& space = w.net.space;
  const std::size_t slots = w.region.size() * 3;
  const auto slot_of = [&](std::uint32_t i) {
    const int c = p.sme.entry_replaces_class ? std::min(2, static_cast<int>(size_class(s.employment[i]))) : 0;
    return std::size_t(s.region[i]) * 3 + std::size_t(c);
  };
  // Exited firms by slot, in id order (a counting sort), so places are taken in a fixed order.
  EntryPlaces out;
  out.slot_start.assign(slots + 1, 0);
  // Entrants that are all micro firms (entry_replaces_class off) set up at random, as firms
  // of a new kind rather than successors.
  if (!p.sme.entry_replaces_class) {
    out.trader_start.push_back(0);
    out.buyer_start.push_back(0);
    return out;
  }
  for (std::uint32_t i = 0; i < s.size(); ++i)
    if (!s.alive[i]) ++out.slot_start[slot_of(i) + 1];
  for (std::size_t k = 0; k < slots; ++k) out.slot_start[k + 1] += out.slot_start[k];
  std::vector<std::uint32_t> exited(out.slot_start.back()), next(out.slot_start.begin(), out.slot_start.end() - 1);
  for (std::uint32_t i = 0; i < s.size(); ++i)
    if (!s.alive[i]) exited[next[slot_of(i)]++] = i;

  out.firm.resize(exited.size());
  out.trader_start.reserve(exited.size() + 1);
  out.buyer_start.reserve(exited.size() + 1);
  out.trader_start.push_back(0);
  out.buyer_start.push_back(0);
  for (std::size_t k = 0; k < exited.size(); ++k) {
    const auto i = exited[k];
    // Its offer as it stood: an exited firm plans nothing, so price it as it priced.
    // What it offered when it last planned: min(capacity, E·(1 + buffer)) (sme_plan, without
    // that month's raw-material luck).
    const float offered = std::min(s.productivity[i] * s.employment[i],
                                   s.expected_demand[i] * static_cast<float>(1.0 + p.sme.output_buffer));
    out.firm[k] = {s.product[i], s.cluster[i], (1.f + s.markup[i]) * sme_unit_cost(w, s.region[i]), s.quality[i],
                   offered, s.expected_demand[i], s.employment[i], s.productivity[i],
                   static_cast<float>(p.buyers.visibility_weight * joint_visibility(w, i) + brand_utility(w, i))};
    w.net.supply.for_in(i, [&](std::uint32_t, std::uint32_t m, const SupplyEdge& e) {
      out.traders.push_back({m - space.intermediary_offset(), e});
    });
    w.net.sales.for_in(i, [&](std::uint32_t, std::uint32_t b, const SalesEdge& e) {
      out.buyers.push_back({b - space.buyer_offset(), e});
    });
    out.trader_start.push_back(static_cast<std::uint32_t>(out.traders.size()));
    out.buyer_start.push_back(static_cast<std::uint32_t>(out.buyers.size()));
  }
  return out;
}

double inherited_match(const BuyerTaste& taste, double capacity_weight, const EntryPlaces::Firm& before, const SalesEdge& tie,
                       double price, double quality, double capacity) {
  // offer_utility (buyer_utility.hpp) less the terms the two offers share: loyalty, the
  // buyers who see the seller, and the tariff factor inside the price's logarithm.
  const auto utility = [&](double pr, double q, double cap, double extra) {
    return -taste.price_weight * std::log(pr) + taste.quality_weight * q + capacity_weight * std::log(cap) + extra;
  };
  const double before_utility = utility(before.price, before.quality, before.capacity, before.extra_utility);
  return double(tie.match) + before_utility - utility(price, quality, capacity, 0.0);
}

}  // namespace sentra::cluster
