#pragma once
// The five partnership patterns of the source study, each with its own terms (MODEL_NOTES §3):
//   nucleus-plasma  the nucleus guarantees to take most of the SME's capacity at a discount,
//                   supplies the inputs for it, extends credit and transfers technology;
//   subcontracting  orders follow the big firm's own demand, only to a subcontractor that
//                   meets its quality specification; some technology transfer; hold-up when
//                   trust is low and a cheaper bid exists;
//   general trade   the big firm is a sales channel into its markets: it pays the SME's ask
//                   and keeps a small margin on the final price;
//   agency          the SME sells the big firm's goods on commission and learns its market;
//   franchise       brand and quality floor for a royalty; franchisees exit less often.
// What a big firm orders and pays each month, and what a partnership does to its SME.
#include <algorithm>

#include "models/cluster/phases.hpp"
#include "models/cluster/world.hpp"

namespace sentra::cluster {

// Whether the big firm buys the SME's goods under this pattern.
inline bool pattern_buys(PartnershipPattern p) {
  return p == PartnershipPattern::nucleus_plasma || p == PartnershipPattern::subcontracting ||
         p == PartnershipPattern::general_trade;
}

// Units per month a contract is sized to when it forms, from the SME's capacity.
inline float contract_quantity(const Params& p, PartnershipPattern pattern, double capacity) {
  const double share = pattern == PartnershipPattern::nucleus_plasma ? p.partnership.plasma_offtake : p.big_firms.offtake_share;
  return static_cast<float>(share * capacity);
}

// Units the big firm counts on buying under the contract when nothing goes wrong (the
// starting market is cleared with these, initial_budgets.cpp).
inline double contracted_units(const PartnershipEdge& e) { return pattern_buys(e.pattern) ? e.quantity : 0.0; }

// This month's order of big firm k from partner j. Subcontract orders follow the big firm's
// own sales last month relative to its output (its demand), and stop while the subcontractor
// is below the quality specification.
inline double partner_order_units(const World& w, std::size_t k, std::uint32_t j, const PartnershipEdge& e) {
  if (!pattern_buys(e.pattern) || w.offer_capacity[j] <= 0.f) return 0.0;
  if (e.pattern != PartnershipPattern::subcontracting) return e.quantity;
  if (w.offer_quality[j] < w.params.partnership.subcontract_quality) return 0.0;
  const auto& b = w.big_firm;
  const double utilisation = b.planned_output[k] > 0 && b.sold[k] > 0 ? std::min(1.0, double(b.sold[k]) / b.planned_output[k]) : 1.0;
  return e.quantity * utilisation;
}

// Price per unit a big firm pays partner j: the SME's ask, less the discount under
// nucleus-plasma (which also supplies the inputs).
inline double partner_unit_price(const World& w, std::uint32_t j, const PartnershipEdge& e) {
  const double discount = e.pattern == PartnershipPattern::nucleus_plasma ? w.params.partnership.plasma_price_discount : 0.0;
  return (1.0 - discount) * w.offer_price[j];
}

// What the SME's goods cost it per unit under the contract: its unit cost, less the inputs a
// nucleus firm supplies.
inline double contract_unit_cost(const World& w, std::uint32_t j, const PartnershipEdge& e) {
  const double cost = sme_unit_cost(w, w.sme.region[j]);
  return e.pattern == PartnershipPattern::nucleus_plasma ? cost - material_cost(w) : cost;
}

// Share of its partners' orders SME j filled this month. Contracts are served first
// (sme_settle), so it is min(1, planned output / partners' orders).
inline double partner_fill(const World& w, std::uint32_t j) {
  double ordered = 0;
  w.net.partnership.for_in(j, [&](std::uint32_t e, std::uint32_t, const PartnershipEdge&) { ordered += w.partner_order[e]; });
  return ordered > w.sme.planned_output[j] ? w.sme.planned_output[j] / ordered : 1.0;
}

// What an SME's partnerships give and take this month, summed over its partners.
struct PartnerEffects {
  double commission = 0;        // million IDR: agency commissions
  double royalty_rate = 0;      // share of revenue: franchise royalties
  double credit_months = 0;     // nucleus credit line, months of wages
  double technology = 0;        // share of the productivity gap closed this month
  double information = 0;       // information gained this month (agency)
  double hazard_factor = 1;     // x exit hazard (franchise)
  float quality_floor = 0.f;    // franchise
};

inline PartnerEffects partner_effects(const World& w, std::uint32_t i) {
  const auto& q = w.params.partnership;
  PartnerEffects f;
  w.net.partnership.for_in(i, [&](std::uint32_t, std::uint32_t src, const PartnershipEdge& e) {
    switch (e.pattern) {
      case PartnershipPattern::nucleus_plasma:
        f.credit_months += q.plasma_credit_months;
        f.technology += q.technology_transfer_plasma / 12.0;
        break;
      case PartnershipPattern::subcontracting: f.technology += q.technology_transfer_subcontracting / 12.0; break;
      case PartnershipPattern::agency:
        f.commission += q.agency_commission * e.quantity * w.offer_price[src];
        f.information += q.agency_information_gain;
        break;
      case PartnershipPattern::franchise:
        f.royalty_rate += q.franchise_royalty;
        f.hazard_factor *= q.franchise_hazard_factor;
        f.quality_floor = std::max(f.quality_floor, static_cast<float>(q.franchise_quality_floor));
        break;
      case PartnershipPattern::general_trade: break;
    }
  });
  return f;
}

// Utility buyers add to SME j's offer for a franchisor's brand (0 for other sellers).
inline double brand_utility(const World& w, std::uint32_t seller) {
  if (seller >= w.net.space.smes || w.net.partnership.in_degree(seller) == 0) return 0.0;
  double brand = 0;
  w.net.partnership.for_in(seller, [&](std::uint32_t, std::uint32_t, const PartnershipEdge& e) {
    if (e.pattern == PartnershipPattern::franchise) brand = w.params.partnership.franchise_brand;
  });
  return brand;
}

}  // namespace sentra::cluster
