// Big firms: sell to modern and export buyers who can see them, buy from their partner SMEs
// on each partnership pattern's terms (partnership_patterns.hpp), collect royalties, pay
// commissions, and update their trust in each partner.
#include <algorithm>

#include "models/cluster/partnership_patterns.hpp"
#include "models/cluster/phases.hpp"

namespace sentra::cluster {

void big_firm_order(World& w, const PhaseContext& ctx) {
  const auto base = w.net.space.big_firm_offset();
  ctx.scheduler.for_each(w.big_firm.size(), [&](std::size_t k) {
    const auto v = static_cast<std::uint32_t>(base + k);
    w.net.partnership.for_out(v, [&](std::uint32_t e, std::uint32_t j, const PartnershipEdge& p) {
      w.partner_order[e] = static_cast<float>(partner_order_units(w, k, j, p));
      w.partner_price[e] = static_cast<float>(partner_unit_price(w, j, p));
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
    const auto& q = w.params.partnership;
    double bought = 0, income = 0;
    w.net.partnership.for_out_mut(v, [&](std::uint32_t e, std::uint32_t j, PartnershipEdge& p) {
      bought += double(w.partner_order[e]) * partner_fill(w, j) * w.partner_price[e];
      if (p.pattern == PartnershipPattern::franchise) income += q.franchise_royalty * w.sme.revenue[j];
      if (p.pattern == PartnershipPattern::agency) income -= q.agency_commission * p.quantity * w.offer_price[v];
      // As a channel it sells its partner's goods on at a margin m of the final price.
      if (p.pattern == PartnershipPattern::general_trade)
        income += q.general_trade_margin / (1.0 - q.general_trade_margin) * double(w.partner_order[e]) * partner_fill(w, j) *
                  w.partner_price[e];
      if (!w.sme.alive[j]) return;
      // Trust in the partner: kept by full deliveries (franchise: by keeping the quality
      // floor; agency: by selling every month), lost by short deliveries or quality below
      // the specification (Kim 2009: slow to gain, fast to lose).
      bool good = true;
      if (pattern_buys(p.pattern)) {
        good = partner_fill(w, j) >= 0.95f;
        if (p.pattern == PartnershipPattern::subcontracting && w.offer_quality[j] < q.subcontract_quality) good = false;
      } else if (p.pattern == PartnershipPattern::franchise) {
        good = w.sme.quality[j] >= q.franchise_quality_floor - 1e-6;
      }
      p.trust = good ? p.trust + static_cast<float>(q.trust_gain) * (1.f - p.trust) : p.trust - static_cast<float>(q.trust_loss) * p.trust;
    });
    b.partner_purchases[k] = static_cast<float>(bought);
    b.partner_income[k] = static_cast<float>(income);
  }, 16);
}

}  // namespace sentra::cluster
