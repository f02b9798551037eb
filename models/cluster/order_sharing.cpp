// Sharing large orders in clusters (order_sharing.hpp):
//   order_sharing (before sme_settle): an export-grade clustered SME i whose export orders X_i
//     exceed what it can fill passes on   s·(1 - f_i)·X_i · (capacity-weighted trust in its mates)
//     by setting its rate  a_i = s·(1 - f_i)·X_i / Σ_j c_j  over mates j below the export grade;
//     mate j is passed a_i·T_ij·c_j units (c_j: j's capacity this month, T_ij: i's trust in j),
//     paid at what i's export buyers pay per unit. sme_settle fills them with j's other orders.
//   shared_delivery (after sme_settle): i hands its export buyers what its mates made, raising
//     the share of its export orders it fills by Σ_j a_i·T_ij·c_j·f_j / X_i (export_fill).
// An exporter is never a mate (it is at the export grade, a mate below it), so the two phases
// write only the exporters' slots and read only the mates'. A pair tied twice shares once
// (for_each_mate).
#include "models/cluster/order_sharing.hpp"

#include <algorithm>

#include "models/cluster/order_book.hpp"
#include "models/cluster/phases.hpp"

namespace sentra::cluster {

SharedOrders shared_orders_to(const World& w, std::uint32_t j) {
  SharedOrders o;
  if (w.sme.cluster[j] < 0 || !takes_shared_orders(w, j)) return o;
  for_each_mate(w, j, [&](std::uint32_t k, float) {
    if (w.share_rate[k] <= 0.f) return;
    // The loop runs over j's ties; what k passes follows k's trust in j, held on k's side.
    const double units = shared_units(w, k, j, trust_in(w, k, j));
    o.units += units;
    o.value += units * order_book(w, k).export_unit_price(w.offer_price[k]);
  });
  return o;
}

void order_sharing(World& w, const PhaseContext& ctx) {
  const double passed = w.params.clusters.order_sharing;
  const auto floor = static_cast<float>(w.params.buyers.quality_floor_export);
  auto& s = w.sme;
  ctx.scheduler.for_each(s.size(), [&](std::size_t idx) {
    const auto i = static_cast<std::uint32_t>(idx);
    w.share_rate[i] = 0.f;
    // Capacity is zero for firms that exited or wait for their licence (sme_plan).
    if (passed <= 0 || s.cluster[i] < 0 || w.offer_capacity[i] <= 0.f || w.offer_quality[i] < floor) return;
    const OrderBook book = order_book(w, i);
    const double unfilled = (1.0 - book.fill(s.planned_output[i])) * (book.direct_export + book.via_export);
    if (unfilled <= 0) return;
    double capacity = 0;
    for_each_mate(w, i, [&](std::uint32_t j, float) {
      if (takes_shared_orders(w, j)) capacity += w.offer_capacity[j];
    });
    // A mate is passed at most what it can make (× trust), however much the exporter lacks.
    if (capacity > 0) w.share_rate[i] = static_cast<float>(std::min(1.0, passed * unfilled / capacity));
  });
}

void shared_delivery(World& w, const PhaseContext& ctx) {
  ctx.scheduler.for_each(w.sme.size(), [&](std::size_t idx) {
    const auto i = static_cast<std::uint32_t>(idx);
    if (w.share_rate[i] <= 0.f) return;
    double made = 0;
    for_each_mate(w, i, [&](std::uint32_t j, float trust) {
      if (takes_shared_orders(w, j)) made += shared_units(w, i, j, trust) * w.fill_ratio[j];
    });
    // The mates' goods go to the export buyers whose orders were passed on.
    const OrderBook book = order_book(w, i);
    const double exported = book.direct_export + book.via_export;
    if (exported > 0) w.export_fill[i] = static_cast<float>(std::min(1.0, w.fill_ratio[i] + made / exported));
  });
}

}  // namespace sentra::cluster
