// SME settlement: orders arrive from buyers (direct), traders, partner big firms and, in a
// cluster, exporters sharing their orders (order_book.hpp, order_sharing.hpp); the SME
// fills them from its planned output, books revenue, costs and levies, updates what it
// expects to sell, adapts its mark-up and workforce (labour_pooling.hpp), invests in
// quality, and may exit.
#include <algorithm>
#include <cmath>

#include "engine/random.hpp"
#include "models/cluster/joint_action.hpp"
#include "models/cluster/labour_pooling.hpp"
#include "models/cluster/order_book.hpp"
#include "models/cluster/order_sharing.hpp"
#include "models/cluster/partnership_patterns.hpp"
#include "models/cluster/phases.hpp"
#include "models/cluster/streams.hpp"

namespace sentra::cluster {

void sme_settle(World& w, const PhaseContext& ctx) {
  const auto& P = w.params;
  const auto& p = P.sme;
  auto& s = w.sme;
  ctx.scheduler.for_each(s.size(), [&](std::size_t idx) {
    if (!s.alive[idx]) return;
    const auto i = static_cast<std::uint32_t>(idx);
    const OrderBook book = order_book(w, i);
    // Export orders a clustered exporter passes on to this firm (order_sharing.hpp), filled
    // with its other orders and paid at what the exporter's buyers pay.
    const SharedOrders shared = shared_orders_to(w, i);
    const PartnerEffects terms = partner_effects(w, i);

    const double planned = s.planned_output[i];
    const double partner_fill = book.partner_fill(planned);
    const double fill = book.fill(planned, shared.units);
    w.fill_ratio[i] = static_cast<float>(fill);
    w.export_fill[i] = static_cast<float>(fill);  // an exporter's is raised by its mates' goods (shared_delivery)
    const double price = w.offer_price[i];
    const double sold = fill * (book.direct + book.via + shared.units) + partner_fill * book.partner;
    // Revenue from goods sold, plus agency commissions on the big firm's goods.
    const double revenue =
        fill * (book.direct * price + book.via_value + shared.value) + partner_fill * book.partner_value + terms.commission;
    const auto r = s.region[i];
    // Workers are paid whether or not the output sells: wage per worker = ulc_r × A_i.
    const double wage_bill = double(w.region.unit_labour_cost[r]) * s.productivity[i] * s.employment[i];
    const double levy = s.informal[i] ? 0.0 : double(w.region.levy_rate[r]) * revenue;
    const double royalty = terms.royalty_rate * revenue;
    // Joint purchasing and a shared facility save the firm part of its cost of planned output
    // (joint_action.hpp). It prices on its region's cost all the same (sme_plan), so the saving
    // is its margin: the gain it joined for, not a price cut handed on to buyers.
    const double saving = double(joint_unit_saving(w, i, sme_unit_cost(w, r), static_cast<std::int64_t>(ctx.step))) * planned;
    const double profit = revenue - wage_bill - material_cost(w) * std::max(0.0, planned - partner_fill * book.supplied) -
                          double(transport_cost(w, r)) * sold - levy - royalty + saving;
    const double sold_before = s.sold[i];  // last month's sales, for the mark-up rule below
    s.sold[i] = static_cast<float>(sold);
    s.revenue[i] = static_cast<float>(revenue);
    s.exports[i] = static_cast<float>(fill * (price * book.direct_export + book.via_export_value + shared.value) +
                                      partner_fill * book.partner_export_value);
    s.levy_paid[i] = static_cast<float>(levy);
    s.profit[i] = static_cast<float>(profit);
    s.net_worth[i] += profit;

    // A formal entrant waiting for its licence sells nothing and pays its workers; it does
    // not learn from the empty order book or adapt until it may sell.
    if (may_sell(w, i, ctx.step)) {
      // Demand signal: direct and partner orders are seen as they are; of the demand behind
      // traders' orders the SME perceives only the share theta (signal_share: larger the
      // better informed it is, and with an open cluster information system). Traders keep the
      // rest of the market information to themselves, so poorly informed SMEs under-produce.
      const double theta = signal_share(w, i);
      s.intermediary_signal[i] = static_cast<float>(theta * book.via);
      // Mates' shared orders are seen in full: the exporter tells them what it needs.
      const double seen = book.direct + book.partner + shared.units + s.intermediary_signal[i];
      s.expected_demand[i] = static_cast<float>((1.0 - p.expectation_weight) * s.expected_demand[i] +
                                                p.expectation_weight * seen);

      // Mark-up adaptation (Dosi et al. 2010): mu <- mu·(1 + upsilon·(growth of sales - 1)).
      const double growth = sold_before > 0 ? sold / sold_before : 1.0;
      s.markup[i] = static_cast<float>(std::clamp(s.markup[i] * (1.0 + p.markup_adaptation * (growth - 1.0)),
                                                  p.markup_min, p.markup_max));

      // Workforce: whole workers, and only when the gap to what expected demand needs is wider
      // than the adjustment band (hiring and severance cost, so small swings in demand are
      // absorbed by utilisation; narrower in a cluster, whose pool of workers makes hiring
      // cheaper: labour_pooling.hpp); then a share of the gap is closed, at least one worker.
      const double desired = s.expected_demand[i] * (1.0 + p.output_buffer) / s.productivity[i];
      s.employment[i] = static_cast<float>(
          adjust_workforce(s.employment[i], desired, p.employment_adjustment, employment_band_of(w, i)));

      // Quality rises with investment, a larger share of what it could be the larger the
      // firm's revenue R (R/(R + R0)), and decays at delta_q.
      const double q = s.quality[i];
      const double invest = p.quality_gain * quality_investment_share(revenue, p.quality_revenue_scale);
      s.quality[i] = static_cast<float>(std::clamp(q + invest * (1.0 - q) - p.quality_decay * q, 0.0, 1.0));
      // A franchisor keeps its franchisee's quality at its floor; nucleus firms and
      // subcontracting partners transfer technology: a share of the gap to their productivity.
      s.quality[i] = std::max(s.quality[i], terms.quality_floor);
      s.productivity[i] += static_cast<float>(
          terms.technology * std::max(0.0, P.big_firms.productivity - double(s.productivity[i])));
    }

    // Exit: bankruptcy, or the background hazard of the firm's size class.
    RandomStream rng(P.seed, stream::sme_exit, s.uid[i], static_cast<std::uint64_t>(ctx.step), ctx.phase);
    const auto cls = size_class(s.employment[i]);
    const double hazard = terms.hazard_factor * (cls == SizeClass::micro   ? p.hazard_micro
                                                 : cls == SizeClass::small ? p.hazard_small
                                                                           : p.hazard_medium);
    // A nucleus firm's credit line carries its plasma through that many more months of losses.
    const bool bankrupt = s.net_worth[i] < -(p.bankruptcy_months + terms.credit_months) * wage_bill;
    // The background hazard closes firms in the month before a compaction boundary, with the
    // chance of closing over the months since the last one, so that the places they leave
    // are taken at once (entry_places.hpp) rather than their orders handed to neighbours for
    // months (docs/model.md §7.7h). Bankruptcy closes a firm in any month.
    const auto every = w.params.world.compact_every;
    const bool boundary_month = (ctx.step + 1) % static_cast<std::uint64_t>(every) == 0;
    if (bankrupt || (boundary_month && rng.bernoulli(1.0 - std::pow(1.0 - hazard, double(every))))) {
      s.alive[i] = 0;
      s.exit_step[i] = static_cast<std::int32_t>(ctx.step);
    }
  });
}

}  // namespace sentra::cluster
