#pragma once
// The behaviour of one month, as phases. Each is a parallel sweep over one agent kind that
// writes only that agent's own slots (and its own out-edges' per-edge values) and reads
// what earlier phases wrote. The order, and what each reads and writes, is in step_plan.cpp.
#include <algorithm>
#include <cmath>

#include "engine/scheduler.hpp"
#include "models/cluster/world.hpp"

namespace sentra::cluster {

void sme_plan(World& w, const PhaseContext& ctx);             // production.cpp
void big_firm_plan(World& w, const PhaseContext& ctx);        // production.cpp
void intermediary_quote(World& w, const PhaseContext& ctx);   // intermediation.cpp
void buyer_choice(World& w, const PhaseContext& ctx);         // buyer_choice.cpp
void intermediary_order(World& w, const PhaseContext& ctx);   // intermediation.cpp
void big_firm_order(World& w, const PhaseContext& ctx);       // big_firms.cpp
void order_sharing(World& w, const PhaseContext& ctx);        // order_sharing.cpp
void sme_settle(World& w, const PhaseContext& ctx);           // sme_settlement.cpp
void shared_delivery(World& w, const PhaseContext& ctx);      // order_sharing.cpp
void intermediary_settle(World& w, const PhaseContext& ctx);  // intermediation.cpp
void big_firm_settle(World& w, const PhaseContext& ctx);      // big_firms.cpp
void buyer_settle(World& w, const PhaseContext& ctx);         // buyer_choice.cpp
void social_ties(World& w, const PhaseContext& ctx);          // social_ties.cpp
void social_capital(World& w, const PhaseContext& ctx);       // social_capital.cpp (review months)
void joint_action(World& w, const PhaseContext& ctx);         // joint_action.cpp (review months)
void strategy_review(World& w, const PhaseContext& ctx);      // strategy.cpp (review months)

// What buyers ordered from seller v this month over the sales layer, and the part of it
// ordered by export buyers (units).
struct SalesOrders {
  double total = 0, exports = 0;
};
inline SalesOrders sales_orders_to(const World& w, std::uint32_t v) {
  SalesOrders o;
  const auto buyers = w.net.space.buyer_offset();
  w.net.sales.for_in(v, [&](std::uint32_t e, std::uint32_t src, const SalesEdge&) {
    o.total += w.sales_order[e];
    if (w.buyer.segment[src - buyers] == Segment::exporter) o.exports += w.sales_order[e];
  });
  return o;
}

// Whole workers: no change while `desired` lies within `band`·L (and one worker) of L;
// otherwise a share `speed` of the gap is closed, rounded, at least one worker; never below 1.
inline double adjust_workforce(double workers, double desired, double speed, double band) {
  const double gap = desired - workers;
  if (std::fabs(gap) <= 1.0 + band * workers) return workers;
  const double step = std::max(1.0, std::round(speed * std::fabs(gap)));
  return std::max(1.0, workers + (gap > 0 ? step : -step));
}

// Steady state of information that decays at `decay` and gains `inflow` a month.
inline double steady_information(double inflow, double decay) {
  return decay > 0 ? std::min(1.0, inflow / decay) : (inflow > 0 ? 1.0 : 0.0);
}

// Share of its potential quality investment a firm with monthly revenue R makes: R/(R + R0).
inline double quality_investment_share(double revenue, double scale) { return revenue / (revenue + scale); }

// Whether SME i may sell in `step`: a formal entrant waits licence_wait months for its licence.
inline bool may_sell(const World& w, std::size_t i, std::uint64_t step) {
  return step >= static_cast<std::uint64_t>(w.sme.birth_step[i]) + w.sme.licence_wait[i];
}

// Information an SME gains each month from its region: promotion, and the open information
// system of its cluster if it is in one. (A partner's marketing linkage comes on top.)
inline double information_inflow(const World& w, std::size_t i) {
  const auto r = w.sme.region[i];
  const double system = w.sme.cluster[i] >= 0 ? double(w.region.information_system[r]) : 0.0;
  return double(w.region.promotion[r]) + system * w.params.policy.information_system_gain;
}

// theta: the share of the demand behind its traders' orders an SME perceives. Traders keep
// the rest of the market information to themselves; the SME's own information raises it,
// and an open cluster information system adds omega_IS (MODEL_NOTES §3).
inline double signal_share(const World& w, std::size_t i) {
  const double pass = w.params.intermediaries.signal_pass_through;
  const double system = w.sme.cluster[i] >= 0 ? double(w.region.information_system[w.sme.region[i]]) : 0.0;
  return std::min(1.0, pass + (1.0 - pass) * w.sme.information[i] + system * w.params.policy.information_system_signal);
}

// Channels other than one trader an SME can sell through: its other traders, the direct
// market (if any buyer sees it) and a big-firm partner (if it has one).
inline double other_channels(const World& w, std::uint32_t j) {
  const std::size_t traders = w.net.supply.in_degree(j);
  return double(traders > 0 ? traders - 1 : 0) + (w.net.sales.in_degree(j) > 0 ? 1.0 : 0.0) +
         (w.net.partnership.in_degree(j) > 0 ? 1.0 : 0.0);
}

// phi: the share of the final price trader m keeps on SME j's goods. It falls with the SME's
// other channels (an SME that can sell elsewhere bargains better) and with its market
// information (one that knows the price cannot be told a low one):
//   phi = u_m·(phi0 + phi1/(1 + n_alt) + phi2·(1 - I)), capped.
inline double trader_margin(const World& w, std::size_t m, std::uint32_t j) {
  const auto& q = w.params.intermediaries;
  const double others = other_channels(w, j);
  const double phi = w.intermediary.bargaining[m] *
                     (q.margin_base + q.margin_alternatives / (1.0 + others) + q.margin_information * (1.0 - w.sme.information[j]));
  return std::clamp(phi, 0.0, q.margin_max);
}

// What trader m pays SME j per unit this month: (1 - phi_mj) of its resale price (set by
// intermediary_quote). Computed where needed rather than stored per supply edge: the margin
// reads only what stays fixed within the month (channels, information).
inline double supply_price(const World& w, std::size_t m, std::uint32_t j) {
  return (1.0 - trader_margin(w, m, j)) * w.intermediary.resale[m];
}

// Transport cost per unit in a region: falls with its infrastructure.
inline float transport_cost(const World& w, std::size_t region) {
  return static_cast<float>(w.params.sme.transport_cost) / (1.f + w.region.infrastructure[region]);
}

// Material per unit of output: sme.material_cost at the starting input tariff, moved by
// tariff changes on imported inputs (cheaper inputs when free trade cuts them).
inline double material_cost(const World& w) {
  return w.params.sme.material_cost * (1.0 + w.params.trade.input_tariff) / (1.0 + w.input_tariff_initial);
}

// An SME's cost per unit, the same for every firm of a region: c = ulc_r + material + tc_r
// (wages per worker rise with productivity, so labour cost per unit does not).
inline float sme_unit_cost(const World& w, std::size_t region) {
  return w.region.unit_labour_cost[region] + static_cast<float>(material_cost(w)) + transport_cost(w, region);
}

}  // namespace sentra::cluster
