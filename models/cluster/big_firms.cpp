// Big firms: sell to modern and export buyers who can see them, and buy the contract
// quantity of each partnership from their partner SMEs.
#include <algorithm>

#include "models/cluster/phases.hpp"

namespace sentra::cluster {

void big_firm_order(World& w, const PhaseContext& ctx) {
  const auto base = w.net.space.big_firm_offset();
  ctx.scheduler.for_each(w.big_firm.size(), [&](std::size_t k) {
    const auto v = static_cast<std::uint32_t>(base + k);
    w.net.partnership.for_out(v, [&](std::uint32_t e, std::uint32_t j, const PartnershipEdge& p) {
      w.partner_order[e] = w.offer_capacity[j] > 0.f ? p.quantity : 0.f;
    });
  }, 16);
}

void big_firm_settle(World& w, const PhaseContext& ctx) {
  auto& b = w.big_firm;
  const auto base = w.net.space.big_firm_offset();
  ctx.scheduler.for_each(b.size(), [&](std::size_t k) {
    const auto v = static_cast<std::uint32_t>(base + k);
    const auto [ordered, export_ordered] = sales_orders_to(w, v);
    const double fill = ordered > 0 ? std::min(1.0, b.planned_output[k] / ordered) : 1.0;
    w.fill_ratio[v] = static_cast<float>(fill);
    b.sold[k] = static_cast<float>(fill * ordered);
    b.revenue[k] = static_cast<float>(fill * ordered * w.offer_price[v]);
    b.exports[k] = static_cast<float>(fill * export_ordered * w.offer_price[v]);
    double bought = 0;
    w.net.partnership.for_out(v, [&](std::uint32_t e, std::uint32_t j, const PartnershipEdge&) {
      bought += double(w.partner_order[e]) * w.fill_ratio[j] * w.offer_price[j];
    });
    b.partner_purchases[k] = static_cast<float>(bought);
  }, 16);
}

}  // namespace sentra::cluster
