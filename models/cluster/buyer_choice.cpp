// Buyers: each month a buyer splits its budget over the offers it can see (its sales edges,
// plus the imported good) by the shares of a multinomial logit whose utilities are defined
// in buyer_utility.hpp (price, quality, loyalty, capacity per buyer, the tie's match),
// skipping offers it cannot buy from (quality floors, export lots). Export buyers see
// Indonesian offers with the partner country's tariff added and compare them with the world
// good. Each share is scaled by a mean-one lognormal factor (buyers.demand_noise).
#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "engine/random.hpp"
#include "models/cluster/buyer_utility.hpp"
#include "models/cluster/order_sharing.hpp"
#include "models/cluster/phases.hpp"
#include "models/cluster/streams.hpp"

namespace sentra::cluster {

void buyer_choice(World& w, const PhaseContext& ctx) {
  const auto& p = w.params;
  auto& b = w.buyer;
  const auto base = w.net.space.buyer_offset();
  ctx.scheduler.for_each(b.size(), [&](std::size_t k) {
    // Scratch reused across buyers on this thread: no allocation per agent per step.
    thread_local std::vector<double> weight;
    thread_local std::vector<std::pair<std::uint32_t, std::uint32_t>> option;  // (edge, seller)
    weight.clear();
    option.clear();
    const auto v = static_cast<std::uint32_t>(base + k);
    const BuyerTaste t = buyer_taste(w, static_cast<std::uint32_t>(k));

    double top = -1e300;
    std::vector<double>& u = weight;  // utilities first, turned into weights below
    w.net.sales.for_out(v, [&](std::uint32_t e, std::uint32_t seller, const SalesEdge& edge) {
      w.sales_order[e] = 0.f;
      const auto util = offer_utility(w, t, seller, edge);
      if (!util) return;
      u.push_back(*util);
      option.emplace_back(e, seller);
      if (*util > top) top = *util;
    });
    // The outside good: imports at home, the world competitor abroad.
    const double budget = b.budget[k] * (t.exporter ? p.buyers.export_demand_multiplier : 1.0);
    const double outside_util = outside_utility(p, t, budget);
    u.push_back(outside_util);
    if (outside_util > top) top = outside_util;

    double total = 0;
    for (auto& x : u) {
      x = std::exp(x - top);
      total += x;
    }
    // A buyer stands for many consumers: its budget splits by the logit shares, each share
    // scaled by a mean-one lognormal factor (this month's taste and timing noise).
    const double sigma = p.buyers.demand_noise;
    RandomStream rng(p.seed, stream::buyer_choice, k, static_cast<std::uint64_t>(ctx.step), ctx.phase);
    const auto noisy = [&](double share) { return share * std::exp(sigma * rng.normal() - 0.5 * sigma * sigma); };
    for (std::size_t c = 0; c < option.size(); ++c) {
      const auto [e, seller] = option[c];
      const double spend = budget * noisy(weight[c] / total);
      w.sales_order[e] = static_cast<float>(spend / (w.offer_price[seller] * t.tariff_factor));
    }
    const double to_import = budget * noisy(weight[option.size()] / total);
    b.import_ordered[k] = static_cast<float>(to_import);
  }, 256);
}

void buyer_settle(World& w, const PhaseContext& ctx) {
  const auto& p = w.params;
  auto& b = w.buyer;
  const auto base = w.net.space.buyer_offset();
  const auto gamma = static_cast<float>(p.buyers.loyalty_decay);
  ctx.scheduler.for_each(b.size(), [&](std::size_t k) {
    const auto v = static_cast<std::uint32_t>(base + k);
    // Export buyers pay the partner country's tariff on their product on top of the seller's price.
    const double tariff_factor = buyer_taste(w, static_cast<std::uint32_t>(k)).tariff_factor;
    const bool exporter = b.segment[k] == Segment::exporter;
    double spent = 0;
    w.net.sales.for_out_mut(v, [&](std::uint32_t e, std::uint32_t seller, SalesEdge& edge) {
      const double got = double(w.sales_order[e]) * (exporter ? export_fill(w, seller) : w.fill_ratio[seller]);
      spent += got * w.offer_price[seller] * tariff_factor;
      // Loyalty (Weisbuch-Kirman): J <- (1-gamma) J + gamma·[bought from this seller].
      edge.loyalty = (1.f - gamma) * edge.loyalty + (got > 0.0 ? gamma : 0.f);
    });
    b.spent_domestic[k] = static_cast<float>(spent);
    b.spent_import[k] = b.import_ordered[k];  // the world market always delivers
  }, 256);
}

}  // namespace sentra::cluster
