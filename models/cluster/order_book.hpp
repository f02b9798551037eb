#pragma once
// An SME's order book for the month: what buyers, traders and partner big firms ordered from
// it, what they pay, and the share of each it fills from its planned output. sme_settle books
// it; order_sharing reads an exporter's book to find the export orders it cannot fill.
#include <cstdint>

#include "models/cluster/partnership_patterns.hpp"
#include "models/cluster/phases.hpp"
#include "models/cluster/supply_orders.hpp"

namespace sentra::cluster {

struct OrderBook {
  double direct = 0, direct_export = 0;        // units ordered by buyers over the sales layer; by export buyers
  double via = 0, via_export = 0;              // units ordered by traders; for their export buyers
  double via_value = 0, via_export_value = 0;  // what traders pay for them (supply_price), if all filled
  double partner = 0, partner_value = 0, partner_export_value = 0;
  double supplied = 0;                         // units a nucleus firm supplies the inputs for

  // Contracts come first: partners' orders are filled before buyers' and traders' (a
  // partnership that is not served ends); the rest, with `shared` units mates passed on
  // (order_sharing.cpp), share what is left in proportion.
  double partner_fill(double planned) const { return partner > planned ? planned / partner : 1.0; }
  double fill(double planned, double shared = 0) const {
    const double rest = direct + via + shared;
    const double left = planned - partner_fill(planned) * partner;
    return rest > left ? (rest > 0 ? left / rest : 1.0) : 1.0;
  }
  // What the buyers of its exports pay per unit, direct and through traders.
  double export_unit_price(double ask) const {
    const double units = direct_export + via_export;
    return units > 0 ? (ask * direct_export + via_export_value) / units : 0.0;
  }
};

inline OrderBook order_book(const World& w, std::uint32_t i) {
  OrderBook b;
  const auto [direct, direct_export] = sales_orders_to(w, i);
  b.direct = direct;
  b.direct_export = direct_export;
  // Traders pay what they quoted for this SME's goods (supply_price: its share of their
  // resale price after their margin), not its asking price.
  const auto traders = w.net.space.intermediary_offset();
  w.net.supply.for_in(i, [&](std::uint32_t, std::uint32_t src, const SupplyEdge& tie) {
    const double paid = supply_price(w, src - traders, i);
    const SupplyOrder order = supply_order(w, src - traders, i, tie);
    b.via += order.units;
    b.via_export += order.exports;
    b.via_value += double(order.units) * paid;
    b.via_export_value += double(order.exports) * paid;
  });
  // Partners pay their pattern's price (partner_price); a nucleus firm supplies the inputs
  // for what it takes.
  const auto big = w.net.space.big_firm_offset();
  w.net.partnership.for_in(i, [&](std::uint32_t e, std::uint32_t src, const PartnershipEdge& terms) {
    b.partner += w.partner_order[e];
    b.partner_value += double(w.partner_order[e]) * w.partner_price[e];
    // Goods bought by a partner are exported in the proportion the partner exports.
    const auto k = src - big;
    const double share = w.big_firm.revenue[k] > 0 ? w.big_firm.exports[k] / w.big_firm.revenue[k] : 0.0;
    b.partner_export_value += double(w.partner_order[e]) * w.partner_price[e] * share;
    if (terms.pattern == PartnershipPattern::nucleus_plasma) b.supplied += w.partner_order[e];
  });
  return b;
}

}  // namespace sentra::cluster
