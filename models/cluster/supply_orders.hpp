#pragma once
// What a trader orders from each of its suppliers this month. intermediary_order splits the
// orders its buyers placed over its supply ties in proportion to each tie's weight (export
// orders only over export-grade suppliers) and keeps the totals of that split per trader
// (TraderSplit, stores.hpp); each tie's order is derived from them where it is read (the
// SME's order book, the trader's settlement). Stored per tie it cost 8 bytes per supply edge,
// 12 bytes per SME at baseline density (docs/performance.md); derived, it is the same float,
// bit for bit.
//
// Valid from intermediary_order to the end of the month: it reads the supplier's offer
// (capacity, quality), which only sme_plan writes, and the tie's weight, which no phase
// changes.
#include <cstdint>

#include "models/cluster/world.hpp"

namespace sentra::cluster {

struct SupplyOrder {
  float units = 0.f;    // all units ordered on the tie
  float exports = 0.f;  // of which for the trader's export buyers
};

// Whether supplier j can take the trader's orders this month, and its export orders.
inline bool supplies_this_month(const World& w, std::uint32_t j) { return w.offer_capacity[j] > 0.f; }
inline bool supplies_export_grade(const World& w, std::uint32_t j) {
  return w.offer_quality[j] >= static_cast<float>(w.params.buyers.quality_floor_export);
}

// Trader m's order on its tie to supplier j.
inline SupplyOrder supply_order(const World& w, std::size_t m, std::uint32_t j, const SupplyEdge& tie) {
  const TraderSplit& s = w.intermediary.split[m];
  const bool able = supplies_this_month(w, j);
  const double share = s.weight > 0 && able ? tie.weight / s.weight : 0.0;
  // No export orders: nothing to split (home · share + 0 is home · share, as computed in full).
  if (s.exports == 0) return {static_cast<float>(s.home * share), 0.f};
  // Export orders no supplier of export grade can take are passed to all, as goods of lower grade.
  const double export_share =
      s.export_weight > 0 ? (able && supplies_export_grade(w, j) ? tie.weight / s.export_weight : 0.0) : share;
  return {static_cast<float>(s.home * share + s.exports * export_share), static_cast<float>(s.exports * export_share)};
}

}  // namespace sentra::cluster
