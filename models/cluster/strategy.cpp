// The yearly Ansoff strategy review and the buyer ties it asks for (rules in strategy.hpp).
// For each live SME that sells, in a review month, after the month's accounts (R, Pi) are settled:
//  1. believed payoffs  E_a = gain_a·12·R − cost_a·R  (million IDR over the coming year);
//  2. estimates  E^_a = E_a + sigma·(1 − I_i)·|Pi_i|·z_a,  z_a ~ N(0, 1): a poorly informed
//     firm misjudges its options by up to a year's profit, a fully informed one not at all;
//  3. options whose cost exceeds its net worth are out; P(a) ∝ exp(beta·E^_a/|Pi_i| +
//     bonus·[a = current]) over the rest;
//  4. it pays the option's cost from net worth and the option acts (strategy.hpp).
// Beliefs and costs are parameters, the effects are the engine's own: whether an option pays
// is decided by the market, not by the belief that made the firm choose it.
#include "models/cluster/strategy.hpp"

#include <algorithm>
#include <limits>

#include "engine/random.hpp"
#include "engine/reduce.hpp"
#include "models/cluster/buyer_utility.hpp"
#include "models/cluster/phases.hpp"
#include "models/cluster/social_capital.hpp"
#include "models/cluster/streams.hpp"

namespace sentra::cluster {

namespace {

// The counter's phase word of the boundary's draws: apart from every phase index, so the
// boundary and the review of the same month never meet the same numbers.
constexpr std::uint32_t boundary_draws = 0xB0u;

}  // namespace

std::array<double, strategies> strategy_costs(const Params& p, double monthly_revenue) {
  const auto& S = p.strategy;
  return {S.cost_penetration * monthly_revenue, S.cost_market_development * monthly_revenue,
          S.cost_product_development * monthly_revenue, S.cost_diversification * monthly_revenue};
}

std::array<double, strategies> believed_payoffs(const Params& p, double monthly_revenue) {
  const auto& S = p.strategy;
  const double gain[strategies] = {S.gain_penetration, S.gain_market_development, S.gain_product_development,
                                   S.gain_diversification};
  const auto cost = strategy_costs(p, monthly_revenue);
  std::array<double, strategies> e{};
  for (std::size_t a = 0; a < strategies; ++a) e[a] = gain[a] * 12.0 * monthly_revenue - cost[a];
  return e;
}

std::array<double, strategies> choice_shares(const std::array<double, strategies>& estimate, double profit_level,
                                             double beta, double bonus, Strategy current,
                                             const std::array<bool, strategies>& feasible) {
  std::array<double, strategies> v{}, share{};
  double top = -std::numeric_limits<double>::infinity();
  for (std::size_t a = 0; a < strategies; ++a) {
    if (!feasible[a]) continue;
    v[a] = beta * estimate[a] / profit_level + (a == static_cast<std::size_t>(current) ? bonus : 0.0);
    top = std::max(top, v[a]);
  }
  double sum = 0;
  for (std::size_t a = 0; a < strategies; ++a)
    if (feasible[a]) sum += share[a] = std::exp(v[a] - top);  // shifted by the largest: no overflow
  if (sum > 0)
    for (auto& x : share) x /= sum;
  return share;
}

int pick(const std::array<double, strategies>& shares, double u) {
  double cum = 0;
  int last = -1;
  for (std::size_t a = 0; a < strategies; ++a) {
    if (shares[a] <= 0) continue;
    last = static_cast<int>(a);
    cum += shares[a];
    if (u < cum) return last;
  }
  return last;  // rounding left u above the sum: the last option with a share
}

void review_strategy(World& w, Scheduler& scheduler, std::uint64_t step, std::uint32_t phase) {
  const auto& P = w.params;
  const auto& S = P.strategy;
  auto& s = w.sme;
  if (!S.enabled) return;  // nothing drawn, nothing written: results as without the review
  w.strategy_review = static_cast<std::int64_t>(step);
  struct Sums {  // firms that chose, and the sum of their estimates' spread (max − min)/|Pi|
    double choosers = 0, spread = 0;
    Sums& operator+=(const Sums& o) {
      choosers += o.choosers;
      spread += o.spread;
      return *this;
    }
  };
  const Sums z = deterministic_reduce(scheduler, s.size(), Sums{}, [&](std::size_t b, std::size_t e) {
    Sums acc;
    for (std::size_t i = b; i < e; ++i) {
      // Last year's choice stops acting; a buyer tie still waited for stays wanted.
      s.strategy[i] = static_cast<std::uint8_t>(s.strategy[i] & ~strategy_chosen);
      const double revenue = s.revenue[i];
      if (!s.alive[i] || !may_sell(w, i, step) || revenue <= 0) continue;
      const double level = profit_level(s.profit[i], revenue, S.profit_floor);
      const double sd = S.noise * (1.0 - double(s.information[i])) * level;
      const auto believed = believed_payoffs(P, revenue);
      const auto cost = strategy_costs(P, revenue);
      RandomStream rng(P.seed, stream::strategy, s.uid[i], step, phase);
      std::array<double, strategies> estimate{};
      std::array<bool, strategies> feasible{};
      double lo = std::numeric_limits<double>::infinity(), hi = -lo;
      for (std::size_t a = 0; a < strategies; ++a) {
        estimate[a] = believed[a] + sd * rng.normal();  // every firm draws all four: fixed draw count
        feasible[a] = cost[a] <= std::max(0.0, s.net_worth[i]);
        if (!feasible[a]) continue;
        lo = std::min(lo, estimate[a]);
        hi = std::max(hi, estimate[a]);
      }
      const auto shares = choice_shares(estimate, level, S.sensitivity, S.status_quo_bonus, current_strategy(s.strategy[i]), feasible);
      const int k = pick(shares, rng.uniform());
      if (k < 0) continue;  // can afford nothing: keeps its strategy, does nothing new
      acc.choosers += 1;
      acc.spread += (hi - lo) / level;
      std::uint8_t bits = static_cast<std::uint8_t>((s.strategy[i] & strategy_wants_buyer) | strategy_chosen | k);
      s.net_worth[i] -= cost[static_cast<std::size_t>(k)];
      switch (static_cast<Strategy>(k)) {
        case Strategy::penetration:
          s.markup[i] = static_cast<float>(std::clamp(double(s.markup[i]) * S.markup_factor, P.sme.markup_min, P.sme.markup_max));
          // The promotion spend: what it learns of the market comes in with next month's information.
          s.information_next[i] = static_cast<float>(std::min(1.0, double(s.information_next[i]) + S.promotion_information));
          break;
        case Strategy::product_development:
          s.quality[i] = static_cast<float>(std::min(1.0, double(s.quality[i]) + S.quality_gain * (1.0 - double(s.quality[i]))));
          break;
        case Strategy::market_development:
        case Strategy::diversification:
          bits |= strategy_wants_buyer;
          break;
      }
      s.strategy[i] = bits;
    }
    return acc;
  });
  w.strategy_choosers = z.choosers;
  w.strategy_spread = z.choosers > 0 ? z.spread / z.choosers : 0.0;
}

void strategy_review(World& w, const PhaseContext& ctx) {
  // The first review comes after a year of the firm's own accounts: at month 0 every firm holds
  // the strategy it was started with (penetration) and has only the built world's accounts.
  if (ctx.step == 0 || !review_month(w, ctx.step)) return;
  review_strategy(w, ctx.scheduler, ctx.step, ctx.phase);
}

std::vector<StrategyTie> strategy_buyer_ties(World& w, const std::vector<std::uint32_t>& old_to_new) {
  std::vector<StrategyTie> ties;
  if (!w.params.strategy.enabled) return ties;
  const auto& P = w.params;
  auto& s = w.sme;
  const auto buyers = w.net.space.buyer_offset();
  // A new buyer buys the firm's product (products.hpp): markets are products.
  std::vector<std::vector<std::uint32_t>> of_product(product_count);
  for (std::uint32_t b = 0; b < w.buyer.size(); ++b) of_product[w.buyer.product[b]].push_back(b);
  constexpr int tries = 16;  // buyers looked at; a firm that finds none that can buy from it waits no longer
  for (std::uint32_t i = 0; i < w.net.space.smes; ++i) {
    if (!(s.strategy[i] & strategy_wants_buyer)) continue;
    s.strategy[i] = static_cast<std::uint8_t>(s.strategy[i] & ~strategy_wants_buyer);
    const auto& pool = of_product[s.product[i]];
    if (!s.alive[i] || pool.empty()) continue;
    // The markets (segment, region) its buyers already stand for: a new buyer must open another.
    std::vector<std::uint32_t> markets, linked;
    w.net.sales.for_in(i, [&](std::uint32_t, std::uint32_t src, const SalesEdge&) {
      linked.push_back(src);
      markets.push_back(static_cast<std::uint32_t>(w.buyer.segment[src - buyers]) << 16 | w.buyer.region[src - buyers]);
    });
    RandomStream rng(P.seed, stream::strategy, s.uid[i], static_cast<std::uint64_t>(w.step), boundary_draws);
    for (int k = 0; k < tries; ++k) {
      const auto b = pool[rng.below(pool.size())];
      const auto market = static_cast<std::uint32_t>(w.buyer.segment[b]) << 16 | w.buyer.region[b];
      if (std::find(markets.begin(), markets.end(), market) != markets.end()) continue;
      if (std::find(linked.begin(), linked.end(), buyers + b) != linked.end()) continue;
      const BuyerTaste t = buyer_taste(w, b);
      if (!can_buy(w, t, i)) continue;  // its quality (or lot) does not reach this market yet
      // The buyer's usual loyalty and match to SMEs, as an entrant gets.
      double match = 0, loyalty = 0;
      std::size_t n = 0;
      w.net.sales.for_out(buyers + b, [&](std::uint32_t, std::uint32_t o, const SalesEdge& e) {
        if (o < w.net.space.smes) {
          match += e.match;
          loyalty += e.loyalty;
          ++n;
        }
      });
      SalesEdge e = n ? SalesEdge{static_cast<float>(loyalty / double(n)), static_cast<float>(match / double(n))} : SalesEdge{};
      // Fair share: what the firm sold per channel last month, of the buyer's budget, scaled by
      // new_buyer_scale (a new buyer starts with trial orders; loyalty then grows as it buys).
      const double channels = double(std::max<std::size_t>(
          1, w.net.sales.in_degree(i) + w.net.supply.in_degree(i) + w.net.partnership.in_degree(i)));
      const double share = w.buyer.budget[b] > 0 ? std::min(0.5, P.strategy.new_buyer_scale * double(s.revenue[i]) / channels / w.buyer.budget[b]) : 0.0;
      if (share > 0) {
        const double util = *offer_utility(w, t, i, SalesEdge{e.loyalty, 0.f});
        // exp(util + match) / (total + exp(util + match)) = share
        e.match = static_cast<float>(std::log(share / (1.0 - share)) + log_choice_total(w, buyers + b, t, w.buyer.budget[b]) - util);
      }
      ties.push_back({b, old_to_new[i], e});
      break;
    }
  }
  return ties;
}

}  // namespace sentra::cluster
