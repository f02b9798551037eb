#pragma once
// How a region's levy and licensing rules reach firms (regional autonomy, MODEL_NOTES §3):
// what it costs a new firm to enter formally, how many micro firms choose to stay informal
// (levy evasion), and how much entry the region's rules deter. Each is measured against the
// region's starting rules, so the baseline is where the calibration puts it and a scenario
// that raises levies or licence costs moves entry and informality from there.
#include <algorithm>
#include <cmath>

#include "models/cluster/world.hpp"

namespace sentra::cluster {

// Cost of entering formally, in months of a typical micro firm's revenue: the licence fee
// over that revenue, plus the months of waiting for the licence (no sales meanwhile).
inline double entry_cost_months(const World& w, double fee, double delay) {
  return (w.micro_monthly_revenue > 0 ? fee / w.micro_monthly_revenue : 0.0) + delay;
}
inline double entry_cost_months(const World& w, std::size_t r) {
  return entry_cost_months(w, w.region.licence_fee[r], w.region.licence_delay[r]);
}
inline double starting_entry_cost_months(const World& w, std::size_t r) {
  return entry_cost_months(w, w.region.licence_fee_initial[r], w.region.licence_delay_initial[r]);
}

// Probability that a micro firm of region r is informal (pays no levy, needs no licence):
//   s0 + eps_levy·(tau_r − tau_r0) + eps_cost·(C_r − C_r0), within [0, 1].
inline double informal_probability(const World& w, std::size_t r) {
  const auto& p = w.params.sme;
  const double levy = double(w.region.levy_rate[r]) - double(w.region.levy_rate_initial[r]);
  const double cost = entry_cost_months(w, r) - starting_entry_cost_months(w, r);
  return std::clamp(p.informal_share_micro + p.informality_levy_response * levy + p.informality_cost_response * cost,
                    0.0, 1.0);
}

// Factor on the region's entry: levies and entry costs above the starting ones deter it,
//   ((1 − tau_r)/(1 − tau_r0))^eta · ((1 + C_r0)/(1 + C_r))^eta_C.
inline double entry_deterrent(const World& w, std::size_t r) {
  const auto& p = w.params.sme;
  const double levy = (1.0 - double(w.region.levy_rate[r])) / (1.0 - double(w.region.levy_rate_initial[r]));
  const double cost = (1.0 + starting_entry_cost_months(w, r)) / (1.0 + entry_cost_months(w, r));
  return std::pow(levy, p.entry_levy_elasticity) * std::pow(cost, p.entry_cost_elasticity);
}

}  // namespace sentra::cluster
