// Buyers' budgets that clear the starting market. The world starts from Table 1's firms, as
// if in the balance of 2007: every SME is to receive, through each of its channels, the
// orders that keep it at its present size. Each seller's wanted sales are split over the
// buyers who see it, each buyer's budget is the sum over what it sees, raised by the share
// it is to spend on the outside good (imports at home), and each trader relationship is
// weighted by the orders it is to carry. Within each buyer, a constant per tie (its match)
// makes the logit place the budget where the sellers' wanted sales are, the way discrete-
// choice models calibrate alternative-specific constants to observed market shares.
#include <algorithm>
#include <cmath>
#include <vector>

#include "models/cluster/buyer_utility.hpp"
#include "models/cluster/order_sharing.hpp"
#include "models/cluster/partnership_patterns.hpp"
#include "models/cluster/phases.hpp"
#include "models/cluster/step_plan.hpp"
#include "models/cluster/supply_orders.hpp"
#include "models/cluster/world_builder.hpp"

namespace sentra::cluster {

namespace {

// The balance for given month-0 shared orders (units per SME passed on by cluster mates,
// order_sharing.hpp; empty for none): they take that part of each firm's wanted orders.
void solve_budgets(World& w, const std::vector<float>& shared) {
  const auto& p = w.params;
  const auto& sp = w.net.space;
  // Offers of month 0, as the plan phases will make them.
  Scheduler one(1);
  const PhaseContext ctx{one, 0, 0};
  sme_plan(w, ctx);
  big_firm_plan(w, ctx);
  intermediary_quote(w, ctx);

  // What each SME is to be ordered per channel: expected demand E = capacity / (1 + buffer)
  // is what keeps its workforce where it is; partners take their contract quantity first,
  // the rest, less what mates pass on to it, is split evenly over its trader ties and direct
  // buyers. Through a trader the SME sees only the share theta of the orders, so a trader
  // must order rest / theta.
  // Computed when needed rather than stored: at national scale every byte per firm counts.
  const auto per_direct = [&](std::uint32_t j) {
    const double capacity = double(w.sme.productivity[j]) * w.sme.employment[j];
    double partner = 0;
    w.net.partnership.for_in(j, [&](std::uint32_t, std::uint32_t, const PartnershipEdge& e) { partner += contracted_units(e); });
    const double passed = shared.empty() ? 0.0 : double(shared[j]);
    const double rest = std::max(0.0, capacity / (1.0 + p.sme.output_buffer) - partner - passed);
    const std::size_t channels = w.net.sales.in_degree(j) + w.net.supply.in_degree(j);  // only buyers sell-link SMEs
    return channels > 0 ? rest / double(channels) : 0.0;
  };
  const auto per_trader = [&](std::uint32_t j) {
    const double theta = signal_share(w, j);
    return per_direct(j) / theta;
  };
  // Units each seller is to sell over all its buyers: an SME its direct share per buyer, a
  // trader the sum over its ties, a big firm its capacity.
  std::vector<double> trader_wanted(sp.intermediaries, 0.0);
  for (std::uint32_t m = 0; m < sp.intermediaries; ++m)
    w.net.supply.for_out_mut(sp.intermediary_offset() + m, [&](std::uint32_t, std::uint32_t j, SupplyEdge& tie) {
      const double orders = per_trader(j);
      tie.weight = static_cast<float>(orders);
      trader_wanted[m] += orders;
    });
  const auto wanted = [&](std::uint32_t o) {
    if (o < sp.smes) return per_direct(o) * double(w.net.sales.in_degree(o));
    if (o < sp.buyer_offset()) return trader_wanted[o - sp.intermediary_offset()];
    return double(w.offer_capacity[o]);
  };

  // Each buyer: what it is to spend on the sellers it sees (each seller's wanted sales split
  // evenly over its buyers, at the buyer's price), and the budget that leaves exactly that
  // after the share s_out it spends on the outside good: B = T / (1 - s_out).
  // Only the buyers who can buy from a seller (quality floors, lots) share its sales; for
  // traders, count those that are export buyers, whose orders go to export-grade suppliers.
  // Counted for traders and big firms (few, with many buyers); for an SME (a few buyers
  // each) counted when needed, so no array over all firms is held.
  const auto others = sp.total() - sp.intermediary_offset();
  std::vector<std::uint32_t> seller_buyers(others, 0), export_buyers_of(sp.intermediaries, 0),
      big_export_buyers(sp.big_firms, 0);
  for (std::uint32_t b = 0; b < sp.buyers; ++b) {
    const BuyerTaste t = buyer_taste(w, b);
    w.net.sales.for_out(sp.buyer_offset() + b, [&](std::uint32_t, std::uint32_t o, const SalesEdge&) {
      if (o < sp.smes || !can_buy(w, t, o)) return;
      ++seller_buyers[o - sp.intermediary_offset()];
      if (t.exporter && o < sp.buyer_offset()) ++export_buyers_of[o - sp.intermediary_offset()];
      if (t.exporter && o >= sp.big_firm_offset()) ++big_export_buyers[o - sp.big_firm_offset()];
    });
  }
  const auto buyers_of = [&](std::uint32_t o) {
    if (o >= sp.smes) return double(seller_buyers[o - sp.intermediary_offset()]);
    double n = 0;
    w.net.sales.for_in(o, [&](std::uint32_t, std::uint32_t b, const SalesEdge&) {
      n += can_buy(w, buyer_taste(w, b - sp.buyer_offset()), o);
    });
    return n;
  };
  for (std::uint32_t b = 0; b < sp.buyers; ++b) {
    const auto v = sp.buyer_offset() + b;
    const BuyerTaste t = buyer_taste(w, b);
    double target = 0;
    w.net.sales.for_out(v, [&](std::uint32_t, std::uint32_t o, const SalesEdge& tie) {
      if (offer_utility(w, t, o, tie)) target += wanted(o) / buyers_of(o) * w.offer_price[o] * t.tariff_factor;
    });
    target *= p.buyers.demand_to_capacity;
    const double outside_share = t.exporter ? p.buyers.world_share_export : p.buyers.import_share_initial;
    // A buyer who sees no seller it can buy from has no budget (nothing here is for it).
    const double budget = target > 0 ? target / (1.0 - outside_share) : 0.0;
    w.buyer.budget[b] = static_cast<float>(budget);
    if (target <= 0) continue;

    // Match terms: the constants that make this buyer's logit give each seller exactly its
    // wanted share s_o of the budget, with the outside good keeping 1 - T/B. Loyalty starts
    // at its stationary value, 1, for every seller the buyer buys from each month.
    const double log_scale = outside_utility(p, t, budget) - std::log(outside_share);
    w.net.sales.for_out_mut(v, [&](std::uint32_t, std::uint32_t o, SalesEdge& tie) {
      tie.match = 0.f;
      if (!offer_utility(w, t, o, tie)) return;
      const double share =
          p.buyers.demand_to_capacity * wanted(o) / buyers_of(o) * w.offer_price[o] * t.tariff_factor / budget;
      tie.loyalty = share > 0 ? 1.f : 0.f;
      if (share <= 0) {
        tie.match = -30.f;  // nothing wanted from this seller: practically never chosen
        return;
      }
      const double util = *offer_utility(w, t, o, tie);
      tie.match = static_cast<float>(std::log(share) + log_scale - util);
    });
  }

  // Trader ties: a trader passes export buyers' orders only to its export-grade suppliers
  // (intermediary_order, supply_orders.hpp), so the weights are solved so that each supplier
  // still expects exactly its orders: orders_j = w_j·(O_dom/W + [export-grade]·O_exp/W_exp) = wanted_j.
  for (std::uint32_t m = 0; m < sp.intermediaries; ++m) {
    const auto v = sp.intermediary_offset() + m;
    if (buyers_of(v) == 0) continue;
    const double exported = trader_wanted[m] * double(export_buyers_of[m]) / buyers_of(v);
    const double domestic = trader_wanted[m] - exported;
    for (int iteration = 0; iteration < 100; ++iteration) {
      double all = 0, grade = 0;
      w.net.supply.for_out(v, [&](std::uint32_t, std::uint32_t j, const SupplyEdge& tie) {
        all += tie.weight;
        if (supplies_export_grade(w, j)) grade += tie.weight;
      });
      if (all <= 0) break;
      double worst = 0;
      w.net.supply.for_out_mut(v, [&](std::uint32_t, std::uint32_t j, SupplyEdge& tie) {
        const bool able = supplies_export_grade(w, j);
        const double gets = tie.weight * (domestic / all + (grade > 0 ? (able ? exported / grade : 0.0) : exported / all));
        const double target = per_trader(j);
        if (gets <= 0 || target <= 0) return;
        worst = std::max(worst, std::fabs(gets / target - 1.0));
        tie.weight = static_cast<float>(tie.weight * target / gets);
      });
      if (worst < 1e-4) break;
    }
  }

  // Big firms' accounts of "last month": a partner SME exports the share of its goods that
  // its big firm exports (sme_settle), read from the big firm's last sales. In month 0 that
  // is the starting balance's: its capacity sold, split evenly over the buyers who see it,
  // the export buyers' part exported. (Left at 0, month 0 had no exports through partners,
  // some 10% of SME exports, and every drift from month 0 carried that.)
  for (std::uint32_t k = 0; k < sp.big_firms; ++k) {
    const auto o = sp.big_firm_offset() + k;
    const double n = buyers_of(o);
    w.big_firm.sold[k] = static_cast<float>(n > 0 ? wanted(o) : 0.0);
    w.big_firm.revenue[k] = static_cast<float>(double(w.big_firm.sold[k]) * w.offer_price[o]);
    w.big_firm.exports[k] = static_cast<float>(n > 0 ? double(w.big_firm.revenue[k]) * double(big_export_buyers[k]) / n : 0.0);
  }
}

// The units each SME is passed by its mates in month 0 at the present balance: month 0's own
// phases up to order_sharing, with their own phase numbers and so their own draws (demand
// noise, material shortfalls), run on the starting state. Their outputs are scratch that
// month 0 writes again. Filled in place: at national scale a second array of them would be
// the start-up's peak of memory.
void month_zero_shared_orders(World& w, Scheduler& scheduler, std::vector<float>& shared) {
  const StepPlan plan = make_step_plan(w);
  for (std::uint32_t k = 0; k < plan.phases().size() && plan.phases()[k].name != "sme_settle"; ++k)
    plan.phases()[k].run(PhaseContext{scheduler, 0, k + 1});  // phase numbers start at 1 (StepPlan::run_step)
  shared.resize(w.net.space.smes);
  for (std::uint32_t j = 0; j < w.net.space.smes; ++j) shared[j] = static_cast<float>(shared_orders_to(w, j).units);
}

}  // namespace

void set_initial_budgets(World& w, int threads) {
  std::vector<float> shared;
  solve_budgets(w, shared);
  // Shared orders are part of the balance of 2007: a mate is at its size with them, so its
  // other channels carry that much less. They depend on the exporters' orders, which move a
  // little with the mates' (through traders' totals), so the two are solved in turn. It
  // converges fast: in the baseline (770 units shared in month 0) a fourth round would move
  // them by 0.00003 units in all (order_sharing_test checks the mates' expectations).
  if (w.params.clusters.order_sharing <= 0) return;
  // The phases run on the run's own threads (results do not depend on their number): three
  // rounds of them are most of a large world's start-up.
  Scheduler pool(threads);
  for (int round = 0; round < 3; ++round) {
    month_zero_shared_orders(w, pool, shared);
    solve_budgets(w, shared);
  }
  std::fill(w.share_rate.begin(), w.share_rate.end(), 0.f);
}

}  // namespace sentra::cluster
