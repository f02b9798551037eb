// The order of a month's phases and what each reads and writes. `sentra schema --format
// phases` prints this table (docs/model.md, "Process overview and scheduling").
#include "models/cluster/step_plan.hpp"

#include "models/cluster/phases.hpp"

namespace sentra::cluster {

StepPlan make_step_plan(World& w) {
  StepPlan plan;
  auto phase = [&](std::string name, std::string what, std::vector<std::string> reads,
                   std::vector<std::string> writes, void (*fn)(World&, const PhaseContext&)) {
    plan.add(Phase{std::move(name), std::move(what), std::move(reads), std::move(writes),
                   [&w, fn](const PhaseContext& ctx) { fn(w, ctx); }});
  };
  phase("sme_plan", "SMEs set unit cost, asking price (1+mu)·c and planned output",
        {"sme state", "region labour cost, infrastructure", "joint-action benefits"}, {"sme plan", "offers of SMEs"}, sme_plan);
  phase("big_firm_plan", "big firms set cost, price and output", {"big firm state"},
        {"offers of big firms"}, big_firm_plan);
  phase("intermediary_quote", "traders set a resale price that pays each supplier (1 - phi) of it, phi by its channels and information; chains add a margin",
        {"offers of SMEs", "supply layer", "SME information and channels"}, {"offers of traders", "supply prices"},
        intermediary_quote);
  phase("buyer_choice", "buyers split budgets by multinomial logit shares over visible offers and imports",
        {"all offers", "sales layer", "trade policy", "joint-action benefits"}, {"sales orders", "import orders"},
        buyer_choice);
  phase("intermediary_order", "traders pass buyers' orders to their suppliers",
        {"sales orders", "offers of SMEs"}, {"supply orders"}, intermediary_order);
  phase("big_firm_order", "big firms order from their partners and set the price, by each partnership pattern's terms",
        {"offers of SMEs", "partnership layer", "big firm sales (last month)"}, {"partner orders, partner prices"}, big_firm_order);
  phase("order_sharing", "clustered exporters pass part of the export orders they cannot fill to trusted mates below the export grade",
        {"sales, supply and partner orders", "supply prices", "offers of SMEs", "trust on social edges"}, {"share rates of exporters"},
        order_sharing);
  phase("sme_settle", "SMEs fill orders, book profit and levies, learn demand, adapt, may exit",
        {"sales, supply and partner orders", "shared orders (share rates of exporters, offers of SMEs, trust on social edges)", "supply prices", "region levy, information system", "big firm accounts (last month)", "joint-action benefits"}, {"sme state", "fills of SMEs"},
        sme_settle);
  phase("shared_delivery", "exporters deliver what their mates made for them to their export buyers",
        {"share rates of exporters", "offers of SMEs", "sales and supply orders", "fills of SMEs", "trust on social edges"}, {"export fill of exporters"}, shared_delivery);
  phase("intermediary_settle", "traders receive goods, pay the supply prices, deliver, keep the margin",
        {"supply orders", "fills of SMEs (home and export)"}, {"trader accounts", "fills of traders (home and export)"},
        intermediary_settle);
  phase("big_firm_settle", "big firms sell, export, pay partners, collect royalties, pay commissions, update trust in partners",
        {"sales orders", "partner orders", "fill of SMEs"}, {"big firm accounts", "fill of big firms", "trust on partnerships"},
        big_firm_settle);
  phase("buyer_settle", "buyers receive goods and update loyalty",
        {"sales orders", "fills (export buyers: export fills)"}, {"buyer accounts", "loyalty on sales edges"}, buyer_settle);
  phase("social_ties", "information decays and spreads over trusted ties; trust updates",
        {"information", "social layer", "promotion, information system", "partnerships"},
        {"next information", "trust on social edges"}, social_ties);
  // The cluster review (every clusters.review_every months; a no-op in other months). Last
  // in the month so the phase numbers of the phases above, and so their draws, do not move.
  phase("social_capital", "review months: each cluster's density, trust, trusted cohesion (Boost.Graph), bridging and norm",
        {"social layer", "supply layer", "partnerships", "sme cluster, alive"},
        {"cluster social capital"}, social_capital);
  phase("joint_action", "review months: members join JP/JM/SF projects, may free ride; outcomes, fees, benefits, trust",
        {"cluster social capital", "trust on social edges", "sme plan, accounts, net worth", "sales orders"},
        {"sme joint-action benefits", "sme net worth (fees)", "trust on social edges", "cluster projects"}, joint_action);
  // Appended after the review for the same reason: earlier phases keep their numbers and draws.
  phase("strategy", "review months: SMEs estimate the four Ansoff options with noise falling with information, choose by logit, pay and act",
        {"sme accounts, net worth, information", "sme strategy"},
        {"sme strategy", "sme net worth (costs)", "mark-up, quality, next information"}, strategy_review);
  return plan;
}

}  // namespace sentra::cluster
