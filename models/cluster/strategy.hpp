#pragma once
// Ansoff strategy choice (MODEL_NOTES §3). Once a year, in cluster review months, every live
// SME that sells chooses among penetration, market development, product development and
// diversification. It estimates each option's payoff, its belief about the gain less the
// option's cost, with noise that shrinks as its market information grows, and chooses by
// logit with a bonus for staying with its current strategy. Each choice acts in the engine:
//   penetration          mark-up × markup_factor, a promotion spend that buys information;
//   market development   pays F_x, gains a buyer of another segment or region (a sales edge
//                        at the next yearly boundary, where structure may change);
//   product development  spends on quality, which rises;
//   diversification      pays F + R, gains a buyer tie as market development does, and learns
//                        its new line: capacity × (1 − penalty), recovering over a year.
// The rules are small functions here so tests can pin them; the review is in strategy.cpp
// and the new buyer ties in boundary.cpp.
#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

#include "engine/compaction.hpp"
#include "engine/scheduler.hpp"
#include "models/cluster/network.hpp"
#include "models/cluster/world.hpp"

namespace sentra::cluster {

enum class Strategy : std::uint8_t { penetration = 0, market_development = 1, product_development = 2, diversification = 3 };
inline constexpr std::size_t strategies = 4;

// SmeStore::strategy, one byte per firm:
//   bits 0-1  the current strategy (entrants and firms at the start: penetration, the
//             status quo of a firm selling what it makes where it sells it);
//   bit 2     chosen at the latest strategy review (its effects act now);
//   bit 3     waits for a new buyer tie at the next yearly boundary.
inline constexpr std::uint8_t strategy_chosen = 4, strategy_wants_buyer = 8;
inline Strategy current_strategy(std::uint8_t b) { return static_cast<Strategy>(b & 3u); }

// A firm's profit level |Pi_i| for scaling payoffs: a year of last month's profit, at least
// profit_floor × a year of its revenue (and 1e-6 million IDR), so a firm at break-even does not
// divide by zero and choose as if infinitely sensitive.
inline double profit_level(double monthly_profit, double monthly_revenue, double floor_share) {
  return std::max({12.0 * std::fabs(monthly_profit), floor_share * 12.0 * std::fabs(monthly_revenue), 1e-6});
}

// What the firm believes option a brings before noise (million IDR over the year):
//   Pi^_a − C_a = gain_a × 12 × R − cost_a × R   (gain: share of a year's revenue; cost: months of revenue).
std::array<double, strategies> believed_payoffs(const Params& p, double monthly_revenue);

// Costs of the options: months of revenue × R (million IDR).
std::array<double, strategies> strategy_costs(const Params& p, double monthly_revenue);

// Logit shares P(a) ∝ exp(beta·E_a/|Pi| + bonus·[a = current]) over the feasible options
// (infeasible ones: share 0). All zero when none is feasible.
std::array<double, strategies> choice_shares(const std::array<double, strategies>& estimate, double profit_level,
                                             double beta, double bonus, Strategy current,
                                             const std::array<bool, strategies>& feasible);

// The option a uniform u in [0, 1) picks from the shares (cumulative order penetration ..
// diversification); -1 when every share is 0.
int pick(const std::array<double, strategies>& shares, double u);

// Capacity factor of a firm learning a new line: 1 − penalty × (1 − (m − 1)/12) over the
// months m = 1 .. 12 after it chose diversification at the review in month `review`, 1 after
// and for any other firm.
inline double learning_factor(std::uint8_t b, std::int64_t month, std::int64_t review, double penalty) {
  if (!(b & strategy_chosen) || current_strategy(b) != Strategy::diversification || review < 0) return 1.0;
  const double m = double(month - review);
  if (m < 1) return 1.0;
  return 1.0 - penalty * std::max(0.0, 1.0 - (m - 1.0) / 12.0);
}
inline float learning_factor(const World& w, std::size_t i) {
  return static_cast<float>(learning_factor(w.sme.strategy[i], w.step, w.strategy_review, w.params.strategy.learning_penalty));
}

// The review: every live SME that sells estimates, chooses and acts (own slots only; the new
// buyer tie waits for the boundary). Random draws: stream strategy, keyed by the firm's uid,
// one normal per option and one uniform at (step, phase). Records w.strategy_review and the
// mean spread of the estimates.
void review_strategy(World& w, Scheduler& scheduler, std::uint64_t step, std::uint32_t phase);

// At the yearly boundary, before compaction: a new sales edge for every live firm waiting
// for one, from a buyer of another segment or region that can buy its offer, with a match
// set as for entrants, so that at last month's offers the buyer would give it a fair share:
// what it sold per channel. Edges come with the SME's new id (old_to_new) and the buyer's
// index; the waiting bit is cleared. Draws: stream strategy, keyed by uid, at (step, 1).
struct StrategyTie {
  std::uint32_t buyer;   // index among buyers
  std::uint32_t sme;     // new (compacted) id
  SalesEdge edge;
};
std::vector<StrategyTie> strategy_buyer_ties(World& w, const std::vector<std::uint32_t>& old_to_new);

}  // namespace sentra::cluster
