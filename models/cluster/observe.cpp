#include "models/cluster/observe.hpp"

#include <array>

#include "engine/reduce.hpp"
#include "models/cluster/joint_action.hpp"
#include "models/cluster/partnership_patterns.hpp"
#include "models/cluster/products.hpp"
#include "models/cluster/strategy.hpp"

namespace sentra::cluster {

namespace {

// Per-region sums over SMEs; `+=` adds field by field so block partials combine in order.
struct RegionSums {
  std::vector<double> smes, employment, output, sales, exports, levy, information;
  std::array<double, 4> by_class{};
  double trust = 0, ties = 0, profit = 0, exits = 0, partnered = 0, founders = 0, informal_micro = 0;
  // Exports by kind of firm: through partners, and per partnered / clustered firm.
  double via_partners = 0, partnered_firms = 0, partnered_exports = 0, clustered_firms = 0, clustered_exports = 0;
  double joined = 0;  // clustered firms that joined a joint-action project
  std::array<double, projects> holding{};  // clustered firms holding each project's benefit this month
  double clustered_traders = 0;  // trader ties into clustered firms
  std::array<double, 4> strategy{};  // live SMEs on each Ansoff strategy (strategy.hpp)
  std::array<double, product_count> product_smes{}, product_sales{}, product_exports{};  // by the SME's product

  explicit RegionSums(std::size_t R = 0)
      : smes(R), employment(R), output(R), sales(R), exports(R), levy(R), information(R) {}
  RegionSums& operator+=(const RegionSums& o) {
    auto add = [](std::vector<double>& a, const std::vector<double>& b) {
      for (std::size_t r = 0; r < a.size(); ++r) a[r] += b[r];
    };
    add(smes, o.smes); add(employment, o.employment); add(output, o.output); add(sales, o.sales);
    add(exports, o.exports); add(levy, o.levy); add(information, o.information);
    for (std::size_t c = 0; c < 4; ++c) by_class[c] += o.by_class[c];
    trust += o.trust; ties += o.ties; profit += o.profit; exits += o.exits; partnered += o.partnered;
    founders += o.founders;
    informal_micro += o.informal_micro;
    via_partners += o.via_partners; partnered_firms += o.partnered_firms; partnered_exports += o.partnered_exports;
    clustered_firms += o.clustered_firms; clustered_exports += o.clustered_exports;
    joined += o.joined;
    for (std::size_t p = 0; p < projects; ++p) holding[p] += o.holding[p];
    clustered_traders += o.clustered_traders;
    for (std::size_t a = 0; a < 4; ++a) strategy[a] += o.strategy[a];
    for (std::size_t g = 0; g < product_count; ++g) {
      product_smes[g] += o.product_smes[g];
      product_sales[g] += o.product_sales[g];
      product_exports[g] += o.product_exports[g];
    }
    return *this;
  }
};

double sum(const std::vector<double>& v) {
  double t = 0;
  for (double x : v) t += x;
  return t;
}

template <class T>
void scalar(Table& t, const char* name, const char* unit, const char* what, T value) {
  t.add<T>(name, unit, what).push_back(value);
}

// One layer's edges between live agents. A firm that closed this month is gone from the
// SME snapshot, and its ties go with it, though the layer keeps them until compaction.
void add_edges(std::vector<NamedTable>& out, const World& w, const char* name, const auto& layer,
               const char* prop_name, const char* prop_unit, const char* prop_what, auto prop_value) {
  NamedTable nt{name, {}};
  auto& src = nt.table.add<std::uint32_t>("src", "1", "source vertex: SME uid, or index within its kind");
  auto& src_kind = nt.table.add<std::uint8_t>("src_kind", "1", "0 SME, 1 intermediary, 2 buyer, 3 big firm");
  auto& dst = nt.table.add<std::uint32_t>("dst", "1", "target vertex: SME uid, or index within its kind");
  auto& dst_kind = nt.table.add<std::uint8_t>("dst_kind", "1", "0 SME, 1 intermediary, 2 buyer, 3 big firm");
  auto& prop = nt.table.add<float>(prop_name, prop_unit, prop_what);
  const auto& sp = w.net.space;
  auto id = [&](std::uint32_t v, std::vector<std::uint32_t>& ids, std::vector<std::uint8_t>& kinds) {
    if (v < sp.smes) { ids.push_back(w.sme.uid[v]); kinds.push_back(0); }
    else if (v < sp.buyer_offset()) { ids.push_back(v - sp.intermediary_offset()); kinds.push_back(1); }
    else if (v < sp.big_firm_offset()) { ids.push_back(v - sp.buyer_offset()); kinds.push_back(2); }
    else { ids.push_back(v - sp.big_firm_offset()); kinds.push_back(3); }
  };
  const auto closed = [&](std::uint32_t v) { return v < sp.smes && !w.sme.alive[v]; };
  for (std::uint32_t v = 0; v < layer.vertices(); ++v) {
    if (closed(v)) continue;
    layer.for_out(v, [&](std::uint32_t, std::uint32_t t, const auto& p) {
      if (closed(t)) return;
      id(v, src, src_kind);
      id(t, dst, dst_kind);
      prop.push_back(prop_value(p));
    });
  }
  out.push_back(std::move(nt));
}

}  // namespace

StepObservation observe(const World& w, Scheduler& scheduler, bool agents, bool network) {
  const auto& s = w.sme;
  const auto R = w.region.size();
  StepObservation obs;
  obs.step = w.step;

  const RegionSums z = deterministic_reduce(scheduler, s.size(), RegionSums(R), [&](std::size_t b, std::size_t e) {
    RegionSums acc(R);
    for (std::size_t i = b; i < e; ++i) {
      if (s.exit_step[i] == w.step) acc.exits += 1;
      if (!s.alive[i]) continue;
      const auto r = s.region[i];
      acc.smes[r] += 1;
      if (s.uid[i] < static_cast<std::uint64_t>(w.params.world.smes)) acc.founders += 1;  // present at the start
      acc.by_class[static_cast<std::size_t>(size_class(s.employment[i]))] += 1;
      if (s.informal[i] && size_class(s.employment[i]) == SizeClass::micro) acc.informal_micro += 1;
      acc.employment[r] += s.employment[i];
      acc.output[r] += double(s.planned_output[i]) * w.offer_price[i];
      acc.sales[r] += s.revenue[i];
      acc.exports[r] += s.exports[i];
      acc.levy[r] += s.levy_paid[i];
      acc.information[r] += s.information[i];
      acc.profit += s.profit[i];
      // Ties and partnerships of exited firms linger until compaction: count live ones only.
      w.net.social.for_out(static_cast<std::uint32_t>(i), [&](std::uint32_t, std::uint32_t j, const SocialEdge& t) {
        if (!s.alive[j]) return;
        acc.trust += t.trust;
        acc.ties += 1;
      });
      acc.partnered += double(w.net.partnership.in_degree(static_cast<std::uint32_t>(i)));
      if (w.net.partnership.in_degree(static_cast<std::uint32_t>(i)) > 0) {
        acc.partnered_firms += 1;
        acc.partnered_exports += s.exports[i];
        // Goods partners bought, exported in the proportion each partner exports (as booked in sme_settle).
        w.net.partnership.for_in(static_cast<std::uint32_t>(i), [&](std::uint32_t edge, std::uint32_t src, const PartnershipEdge&) {
          const auto k = src - w.net.space.big_firm_offset();
          const double share = w.big_firm.revenue[k] > 0 ? w.big_firm.exports[k] / w.big_firm.revenue[k] : 0.0;
          acc.via_partners += double(w.partner_order[edge]) * partner_fill(w, static_cast<std::uint32_t>(i)) * w.partner_price[edge] * share;
        });
      }
      acc.strategy[s.strategy[i] & 3u] += 1;
      acc.product_smes[s.product[i]] += 1;
      acc.product_sales[s.product[i]] += s.revenue[i];
      acc.product_exports[s.product[i]] += s.exports[i];
      if (s.cluster[i] >= 0) {
        acc.clustered_firms += 1;
        acc.clustered_exports += s.exports[i];
        acc.joined += (s.joint[i] & joined_any) != 0;
        const auto held = benefits(w, i);
        for (std::size_t p = 0; p < projects; ++p) acc.holding[p] += (held >> p) & 1u;
        acc.clustered_traders += double(w.net.supply.in_degree(static_cast<std::uint32_t>(i)));
      }
    }
    return acc;
  });

  double big_output = 0, big_exports = 0, big_employment = 0;
  for (std::size_t k = 0; k < w.big_firm.size(); ++k) {
    big_output += double(w.big_firm.planned_output[k]) * w.offer_price[w.net.space.big_firm_offset() + k];
    big_exports += w.big_firm.exports[k];
    big_employment += w.big_firm.employment[k];
  }
  double resale = 0, purchase = 0;
  for (std::size_t m = 0; m < w.intermediary.size(); ++m) {
    resale += w.intermediary.resale_revenue[m];
    purchase += w.intermediary.purchase_cost[m];
  }
  std::vector<double> dom(R, 0.0), imp(R, 0.0);
  std::array<double, product_count> dom_product{}, imp_product{};
  double budget = 0, spent = 0;
  for (std::size_t b = 0; b < w.buyer.size(); ++b) {
    const double mult = w.buyer.segment[b] == Segment::exporter ? w.params.buyers.export_demand_multiplier : 1.0;
    budget += w.buyer.budget[b] * mult;
    spent += double(w.buyer.spent_domestic[b]) + w.buyer.spent_import[b];
    if (w.buyer.segment[b] == Segment::exporter) continue;
    dom[w.buyer.region[b]] += w.buyer.spent_domestic[b];
    imp[w.buyer.region[b]] += w.buyer.spent_import[b];
    dom_product[w.buyer.product[b]] += w.buyer.spent_domestic[b];
    imp_product[w.buyer.product[b]] += w.buyer.spent_import[b];
  }
  const double smes = sum(z.smes), domestic = sum(dom), imports = sum(imp);

  // A cluster counts as a sentra when it has at least world.cluster_min_firms live firms.
  std::vector<std::int64_t> members(static_cast<std::size_t>(w.clusters), 0);
  for (std::size_t i = 0; i < s.size(); ++i)
    if (s.alive[i] && s.cluster[i] >= 0) ++members[static_cast<std::size_t>(s.cluster[i])];
  double in_sentra = 0, sentra = 0;
  for (auto n : members)
    if (n >= w.params.world.cluster_min_firms) {
      sentra += 1;
      in_sentra += double(n);
    }

  auto& a = obs.aggregates;
  scalar<double>(a, "smes", "firms", "live SMEs", smes);
  scalar<double>(a, "smes_micro", "firms", "live SMEs with 1-4 workers", z.by_class[0]);
  scalar<double>(a, "smes_small", "firms", "live SMEs with 5-19 workers", z.by_class[1]);
  scalar<double>(a, "smes_medium", "firms", "live SMEs with 20-99 workers", z.by_class[2]);
  scalar<double>(a, "smes_large", "firms", "SMEs grown to 100 or more workers", z.by_class[3]);
  scalar<double>(a, "sme_employment", "persons", "workers in live SMEs", sum(z.employment));
  scalar<double>(a, "sme_output", "million IDR/month", "value of SMEs' planned output at their asking price", sum(z.output));
  scalar<double>(a, "sme_sales", "million IDR/month", "SME revenue", sum(z.sales));
  scalar<double>(a, "sme_exports", "million IDR/month", "SME sales that end abroad: direct, via traders, via partners", sum(z.exports));
  scalar<double>(a, "sme_profit", "million IDR/month", "SME profit after wages, materials, transport, levies", z.profit);
  {
    std::array<double, 5> by_pattern{};
    double trust = 0, n = 0;
    for (std::uint32_t k = 0; k < w.big_firm.size(); ++k)
      w.net.partnership.for_out(w.net.space.big_firm_offset() + k, [&](std::uint32_t, std::uint32_t j, const PartnershipEdge& e) {
        if (!s.alive[j]) return;
        by_pattern[static_cast<std::size_t>(e.pattern)] += 1;
        trust += e.trust;
        n += 1;
      });
    const char* names[5] = {"partnerships_nucleus_plasma", "partnerships_subcontracting", "partnerships_general_trade",
                            "partnerships_agency", "partnerships_franchise"};
    for (std::size_t c = 0; c < 5; ++c)
      scalar<double>(a, names[c], "edges", "partnerships of live SMEs with this pattern", by_pattern[c]);
    scalar<double>(a, "mean_partner_trust", "fraction", "big firms' mean trust in their live partners", n > 0 ? trust / n : 0.0);
    scalar<double>(a, "partnerships_ended", "edges", "partnerships ended at this step's boundary (trust, hold-up or terms)",
                   double(w.partnerships_ended_this_step));
  }
  scalar<double>(a, "sme_exports_via_partners", "million IDR/month", "SME exports that go abroad through partner big firms", z.via_partners);
  {
    const auto per = [](double x, double n) { return n > 0 ? x / n : 0.0; };
    const double others = smes - z.partnered_firms, unclustered = smes - z.clustered_firms;
    scalar<double>(a, "export_premium_partnered", "million IDR/month per firm",
                   "exports per SME with a big-firm partner minus exports per SME without",
                   per(z.partnered_exports, z.partnered_firms) - per(sum(z.exports) - z.partnered_exports, others));
    scalar<double>(a, "clustered_export_share", "fraction", "share of SME exports made by SMEs in clusters",
                   sum(z.exports) > 0 ? z.clustered_exports / sum(z.exports) : 0.0);
    scalar<double>(a, "partnered_export_share", "fraction", "share of SME exports made by SMEs with a big-firm partner",
                   sum(z.exports) > 0 ? z.partnered_exports / sum(z.exports) : 0.0);
    scalar<double>(a, "export_premium_clustered", "million IDR/month per firm",
                   "exports per SME in a cluster minus exports per SME outside clusters",
                   per(z.clustered_exports, z.clustered_firms) - per(sum(z.exports) - z.clustered_exports, unclustered));
  }
  scalar<double>(a, "big_firm_output", "million IDR/month", "value of big firms' output at their price", big_output);
  scalar<double>(a, "big_firm_exports", "million IDR/month", "big firms' export sales", big_exports);
  scalar<double>(a, "big_firm_employment", "persons", "workers in big firms", big_employment);
  scalar<double>(a, "domestic_purchases", "million IDR/month", "home buyers' purchases of domestic goods", domestic);
  scalar<double>(a, "import_purchases", "million IDR/month", "home buyers' purchases of imports", imports);
  scalar<double>(a, "import_share", "fraction", "imports / home buyers' purchases", domestic + imports > 0 ? imports / (domestic + imports) : 0.0);
  scalar<double>(a, "intermediary_margin", "fraction", "(resale - purchase cost) / resale, all traders", resale > 0 ? (resale - purchase) / resale : 0.0);
  scalar<double>(a, "unmet_demand_share", "fraction", "share of buyers' budgets not delivered", budget > 0 ? 1.0 - spent / budget : 0.0);
  scalar<double>(a, "mean_trust", "fraction", "mean trust over social ties", z.ties > 0 ? z.trust / z.ties : 0.0);
  scalar<double>(a, "mean_information", "fraction", "mean market information of live SMEs", smes > 0 ? sum(z.information) / smes : 0.0);
  scalar<double>(a, "partnerships", "edges", "partnerships of live SMEs with big firms", z.partnered);
  scalar<double>(a, "sentra", "clusters", "clusters with at least world.cluster_min_firms live firms", sentra);
  scalar<double>(a, "sentra_share", "fraction", "share of live SMEs in a sentra", smes > 0 ? in_sentra / smes : 0.0);
  scalar<double>(a, "clustered_share", "fraction", "share of live SMEs in a cluster of any size", smes > 0 ? z.clustered_firms / smes : 0.0);
  scalar<double>(a, "survival", "fraction", "share of the SMEs present at the start still alive",
                 w.params.world.smes > 0 ? z.founders / double(w.params.world.smes) : 0.0);
  scalar<double>(a, "informal_share", "fraction", "share of live micro firms that are informal (pay no levy)",
                 z.by_class[0] > 0 ? z.informal_micro / z.by_class[0] : 0.0);
  scalar<double>(a, "entries", "firms", "SMEs that entered at this step's boundary", double(w.entries_this_step));
  scalar<double>(a, "spinoffs", "firms", "of those, spin-offs of profitable clustered firms", double(w.spinoffs_this_step));
  scalar<double>(a, "exits", "firms", "SMEs that exited this step", z.exits);
  scalar<double>(a, "local_revenue", "million IDR/month", "levies collected by all regions", sum(z.levy));
  scalar<double>(a, "regional_budget", "million IDR/year", "all regions' budgets of the current budget year (0 before the first, month 12)",
                 sum(w.region.budget));

  // Clusters at the last review (social_capital.cpp, joint_action.cpp): means over clusters
  // with at least 2 live members then; projects by kind.
  const auto& cs = w.cluster;
  double measured = 0, capital = 0, cohesion = 0, bridging = 0, norm = 0;
  double attempted = 0, succeeded = 0, participants = 0, defectors = 0;
  for (std::size_t c = 0; c < cs.members.size(); ++c) {
    if (cs.members[c] >= 2) {
      measured += 1;
      capital += cs.social_capital[c];
      cohesion += cs.cohesion[c];
      bridging += cs.bridging[c];
      norm += cs.norm[c];
    }
    for (std::size_t p = 0; p < projects; ++p) {
      const auto n = cs.participants[c * projects + p];
      attempted += n > 0;
      succeeded += cs.succeeded[c * projects + p];
      participants += n;
      defectors += cs.defectors[c * projects + p];
    }
  }
  const auto mean = [&](double x) { return measured > 0 ? x / measured : 0.0; };
  scalar<double>(a, "mean_social_capital", "fraction", "mean over clusters of bonding social capital: tie density x mean trust", mean(capital));
  scalar<double>(a, "mean_cohesion", "fraction", "mean over clusters of the share of members in the largest group linked by trusted ties", mean(cohesion));
  scalar<double>(a, "mean_bridging_capital", "fraction", "mean over clusters of the share of members' ties reaching outside the cluster", mean(bridging));
  scalar<double>(a, "mean_cluster_norm", "fraction", "mean over clusters of cohesion x mean trust (damps free riding)", mean(norm));
  scalar<double>(a, "joint_participation", "fraction", "share of live clustered SMEs in a joint-action project of the last review",
                 z.clustered_firms > 0 ? z.joined / z.clustered_firms : 0.0);
  {
    const char* names[projects] = {"joint_purchase_holders", "joint_marketing_holders", "shared_facility_holders"};
    for (std::size_t p = 0; p < projects; ++p)
      scalar<double>(a, names[p], "fraction", "share of live clustered SMEs holding this project's benefit this month",
                     z.clustered_firms > 0 ? z.holding[p] / z.clustered_firms : 0.0);
  }
  scalar<double>(a, "joint_projects", "projects", "joint-action projects with participants at the last review", attempted);
  scalar<double>(a, "joint_success_rate", "fraction", "share of those projects that succeeded", attempted > 0 ? succeeded / attempted : 0.0);
  scalar<double>(a, "joint_defection_rate", "fraction", "free riders / participants at the last review", participants > 0 ? defectors / participants : 0.0);
  const double premium = cluster_premium(w, scheduler);
  scalar<double>(a, "cluster_premium", "ratio",
                 "geometric mean of value added (revenue less material and transport, net of joint-action savings) over live clustered SMEs / over the others", premium);
  scalar<double>(a, "cluster_growth_premium", "fraction", "in-cluster growth premium: cluster_premium / its value at month 0 - 1",
                 cs.premium_start > 0 ? premium / cs.premium_start - 1.0 : 0.0);

  const double live = z.strategy[0] + z.strategy[1] + z.strategy[2] + z.strategy[3];
  const auto on = [&](std::size_t k) { return live > 0 ? z.strategy[k] / live : 0.0; };
  scalar<double>(a, "strategy_penetration", "fraction", "share of live SMEs whose strategy is market penetration", on(0));
  scalar<double>(a, "strategy_market_development", "fraction", "share of live SMEs whose strategy is market development", on(1));
  scalar<double>(a, "strategy_product_development", "fraction", "share of live SMEs whose strategy is product development", on(2));
  scalar<double>(a, "strategy_diversification", "fraction", "share of live SMEs whose strategy is diversification", on(3));
  scalar<double>(a, "strategy_choosers", "firms", "SMEs that chose a strategy at the latest review", w.strategy_choosers);
  scalar<double>(a, "strategy_estimate_spread", "× |Pi|", "mean over them of (largest - smallest estimated payoff) / their profit level",
                 w.strategy_spread);
  scalar<double>(a, "strategy_buyer_ties", "edges", "sales edges market development and diversification added at this step's boundary",
                 double(w.strategy_ties_this_step));
  scalar<double>(a, "cluster_trader_ties", "ties/firm", "supply ties (traders) per live clustered SME",
                 z.clustered_firms > 0 ? z.clustered_traders / z.clustered_firms : 0.0);
  scalar<double>(a, "trader_visits", "edges", "supply edges traders' visits to clusters added at this step's boundary (trader_visits.hpp)",
                 double(w.trader_visits_this_step));

  // Per product (products.hpp): one column per series and product, named <series>_<product>,
  // so `sentra compare --outcomes import_share_clothing` works like any national outcome.
  for (std::size_t g = 0; g < product_count; ++g) {
    const std::string key(product_catalogue[g].key), name(product_catalogue[g].name);
    const auto named = [&](const char* series) { return std::string(series) + "_" + key; };
    const double total = dom_product[g] + imp_product[g];
    scalar<double>(a, named("smes").c_str(), "firms", ("live SMEs making " + name).c_str(), z.product_smes[g]);
    scalar<double>(a, named("sme_sales").c_str(), "million IDR/month", ("revenue of SMEs making " + name).c_str(), z.product_sales[g]);
    scalar<double>(a, named("sme_exports").c_str(), "million IDR/month", ("exports of SMEs making " + name).c_str(), z.product_exports[g]);
    scalar<double>(a, named("domestic_purchases").c_str(), "million IDR/month",
                   ("home buyers' purchases of domestic " + name).c_str(), dom_product[g]);
    scalar<double>(a, named("import_share").c_str(), "fraction", ("imports / home buyers' purchases of " + name).c_str(),
                   total > 0 ? imp_product[g] / total : 0.0);
  }

  auto& t = obs.regions;
  auto col = [&](const char* name, const char* unit, const char* what, const std::vector<double>& v) {
    t.add<double>(name, unit, what) = v;
  };
  col("smes", "firms", "live SMEs", z.smes);
  col("sme_employment", "persons", "workers in live SMEs", z.employment);
  col("sme_output", "million IDR/month", "value of SMEs' planned output", z.output);
  col("sme_sales", "million IDR/month", "SME revenue", z.sales);
  col("sme_exports", "million IDR/month", "SME exports", z.exports);
  col("local_revenue", "million IDR/month", "levies collected", z.levy);
  std::vector<double> share(R), info(R), levy_rate(R), labour_cost(R), promotion(R), infrastructure(R), system(R);
  for (std::size_t r = 0; r < R; ++r) {
    share[r] = dom[r] + imp[r] > 0 ? imp[r] / (dom[r] + imp[r]) : 0.0;
    info[r] = z.smes[r] > 0 ? z.information[r] / z.smes[r] : 0.0;
    levy_rate[r] = w.region.levy_rate[r];
    labour_cost[r] = w.region.unit_labour_cost[r];
    promotion[r] = w.region.promotion[r];
    infrastructure[r] = w.region.infrastructure[r];
    system[r] = w.region.information_system[r];
  }
  col("import_share", "fraction", "imports / home buyers' purchases in the region", share);
  col("mean_information", "fraction", "mean market information of live SMEs", info);
  col("levy_rate", "fraction", "local levy on formal SMEs' revenue", levy_rate);
  col("unit_labour_cost", "million IDR/unit", "wages per unit of output in the region", labour_cost);
  col("budget", "million IDR/year", "the region's budget this budget year: own revenue less leakage, plus the central transfer", w.region.budget);
  col("own_revenue", "million IDR/year", "levies and licence fees of the last budget year (PAD)", w.region.revenue);
  col("promotion", "1/month", "information each SME gains per month from promotion", promotion);
  col("infrastructure", "index", "infrastructure stock", infrastructure);
  col("information_system", "fraction", "open information system in the region's clusters (lever or programme coverage)", system);

  if (agents) {
    NamedTable nt{"sme", {}};
    auto& tb = nt.table;
    auto& uid = tb.add<std::uint32_t>("uid", "1", "permanent SME id");
    auto& region = tb.add<std::uint32_t>("region", "1", "region index");
    auto& cluster = tb.add<std::int32_t>("cluster", "1", "cluster index, -1 outside clusters");
    auto& product = tb.add<std::uint8_t>("product", "1", "0 food, 1 craft, 2 clothing, 3 chemicals, 4 furniture, 5 metal");
    auto& cls = tb.add<std::uint8_t>("size_class", "1", "0 micro, 1 small, 2 medium, 3 large");
    auto& emp = tb.add<float>("employment", "persons", "workers");
    auto& prod = tb.add<float>("productivity", "units/worker-month", "labour productivity");
    auto& qual = tb.add<float>("quality", "fraction", "product quality");
    auto& mu = tb.add<float>("markup", "fraction", "mark-up on unit cost");
    auto& inf = tb.add<float>("information", "fraction", "market information");
    auto& price = tb.add<float>("price", "million IDR/unit", "asking price");
    auto& out = tb.add<float>("output", "units/month", "planned output");
    auto& sold = tb.add<float>("sold", "units/month", "units sold");
    auto& expected = tb.add<float>("expected_demand", "units/month", "expected demand E (adaptive expectations of orders)");
    auto& rev = tb.add<float>("revenue", "million IDR/month", "revenue");
    auto& exp = tb.add<float>("exports", "million IDR/month", "exports");
    auto& nw = tb.add<double>("net_worth", "million IDR", "net worth");
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (!s.alive[i]) continue;
      uid.push_back(s.uid[i]); region.push_back(s.region[i]); cluster.push_back(s.cluster[i]); product.push_back(s.product[i]);
      cls.push_back(static_cast<std::uint8_t>(size_class(s.employment[i])));
      emp.push_back(s.employment[i]); prod.push_back(s.productivity[i]); qual.push_back(s.quality[i]);
      mu.push_back(s.markup[i]); inf.push_back(s.information[i]); price.push_back(w.offer_price[i]);
      out.push_back(s.planned_output[i]); sold.push_back(s.sold[i]); expected.push_back(s.expected_demand[i]);
      rev.push_back(s.revenue[i]); exp.push_back(s.exports[i]);
      nw.push_back(s.net_worth[i]);
    }
    obs.agents.push_back(std::move(nt));
  }
  if (network) {
    add_edges(obs.network, w, "sales", w.net.sales, "loyalty", "fraction",
              "buyer -> seller: the buyer's learned attachment to this seller",
              [](const SalesEdge& e) { return e.loyalty; });
    add_edges(obs.network, w, "supply", w.net.supply, "weight", "units/month",
              "trader -> SME: the relationship's weight in the trader's orders",
              [](const SupplyEdge& e) { return e.weight; });
    add_edges(obs.network, w, "partnership", w.net.partnership, "pattern", "1",
              "big firm -> SME: 0 nucleus-plasma, 1 subcontracting, 2 general trade, 3 agency, 4 franchise",
              [](const PartnershipEdge& e) { return static_cast<float>(e.pattern); });
    add_edges(obs.network, w, "social", w.net.social, "trust", "fraction",
              "SME -> SME of its cluster: the source's trust in the target",
              [](const SocialEdge& e) { return e.trust; });
  }
  return obs;
}

}  // namespace sentra::cluster
