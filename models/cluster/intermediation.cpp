// Intermediaries (traders): they quote buyers a resale price, pass buyers' orders on to their
// SMEs, pay each SME its share of that price after the trader's margin on its goods, and keep
// the rest. The margin depends on the SME's other channels and its information
// (trader_margin in phases.hpp); a trader who sells through a second one (a chain) adds that
// one's margin to the final price. What the SME learns of the demand behind those orders is
// filtered (signal_share in phases.hpp).
#include "models/cluster/order_sharing.hpp"
#include "models/cluster/phases.hpp"
#include "models/cluster/supply_orders.hpp"

namespace sentra::cluster {

void intermediary_quote(World& w, const PhaseContext& ctx) {
  auto& m = w.intermediary;
  const auto base = w.net.space.intermediary_offset();
  ctx.scheduler.for_each(m.size(), [&](std::size_t k) {
    const auto v = static_cast<std::uint32_t>(base + k);
    // The trader resells its suppliers' goods as one lot at price P, set so that paying each
    // supplier j the share (1 - phi_j) of P covers what they ask on average:
    //   P = sum_j c_j·ask_j / sum_j c_j·(1 - phi_j)   (c_j: j's capacity this month).
    // A supplier with a smaller margin (more alternatives, better informed) is paid more
    // than one with a larger; margins lower on average mean a lower P and more sales.
    double capacity = 0, ask = 0, kept = 0, quality = 0;
    w.net.supply.for_out(v, [&](std::uint32_t, std::uint32_t j, const SupplyEdge&) {
      const double c = w.offer_capacity[j];
      capacity += c;
      ask += c * w.offer_price[j];
      kept += c * (1.0 - trader_margin(w, k, j));
      quality += c * w.offer_quality[j];
    });
    const double resale = kept > 0 ? ask / kept : 0.0;
    m.resale[k] = static_cast<float>(resale);  // each supplier is paid supply_price (phases.hpp)
    // A chain: the second trader keeps chain_margin of what the buyer pays.
    const double chained = m.chain[k] ? resale / (1.0 - w.params.intermediaries.chain_margin) : resale;
    w.offer_price[v] = static_cast<float>(chained);
    w.offer_quality[v] = capacity > 0 ? static_cast<float>(quality / capacity) : 0.f;
    w.offer_capacity[v] = static_cast<float>(capacity);
  }, 256);
}

void intermediary_order(World& w, const PhaseContext& ctx) {
  auto& m = w.intermediary;
  const auto base = w.net.space.intermediary_offset();
  ctx.scheduler.for_each(m.size(), [&](std::size_t k) {
    const auto v = static_cast<std::uint32_t>(base + k);
    const auto [ordered, export_ordered] = sales_orders_to(w, v);
    m.ordered[k] = static_cast<float>(ordered);
    m.export_ordered[k] = static_cast<float>(export_ordered);
    // Orders go to the suppliers that can make anything this month, in proportion to the
    // weight of each relationship; orders for export buyers go only to suppliers whose
    // quality meets the export floor (the trader bundles their lots, so size is no bar).
    // Each tie's order follows from these totals (supply_orders.hpp).
    double weights = 0, export_weights = 0;
    w.net.supply.for_out(v, [&](std::uint32_t, std::uint32_t j, const SupplyEdge& tie) {
      if (!supplies_this_month(w, j)) return;
      weights += tie.weight;
      if (supplies_export_grade(w, j)) export_weights += tie.weight;
    });
    m.split[k] = TraderSplit{ordered - export_ordered, export_ordered, weights, export_weights};
  }, 256);
}

void intermediary_settle(World& w, const PhaseContext& ctx) {
  auto& m = w.intermediary;
  const auto base = w.net.space.intermediary_offset();
  ctx.scheduler.for_each(m.size(), [&](std::size_t k) {
    const auto v = static_cast<std::uint32_t>(base + k);
    // Export orders went to export-grade suppliers (intermediary_order), some of whom fill
    // more of them than of their other orders (export_fill): the two kinds are delivered,
    // and passed on to the trader's buyers, each at its own fill.
    double delivered = 0, exported = 0, cost = 0;
    w.net.supply.for_out(v, [&](std::uint32_t, std::uint32_t j, const SupplyEdge& tie) {
      const SupplyOrder order = supply_order(w, k, j, tie);
      const double to_export = double(order.exports) * export_fill(w, j);
      const double got = double(order.units - order.exports) * w.fill_ratio[j] + to_export;
      delivered += got;
      exported += to_export;
      cost += got * supply_price(w, k, j);
    });
    m.delivered[k] = static_cast<float>(delivered);
    m.purchase_cost[k] = static_cast<float>(cost);
    m.resale_revenue[k] = static_cast<float>(delivered * w.offer_price[v]);
    const double home = double(m.ordered[k]) - m.export_ordered[k];
    w.fill_ratio[v] = home > 0 ? static_cast<float>((delivered - exported) / home) : 1.f;
    w.export_fill[v] = m.export_ordered[k] > 0 ? static_cast<float>(exported / m.export_ordered[k]) : 1.f;
  }, 256);
}

}  // namespace sentra::cluster
