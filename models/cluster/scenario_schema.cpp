#include "models/cluster/scenario_schema.hpp"

#include <sstream>

#include "engine/config/format.hpp"
#include "models/cluster/products.hpp"
#include "models/cluster/world_builder.hpp"

namespace sentra::cluster {

namespace {

#define KEY(member) [](Params& p) -> auto& { return p.member; }

// The products of the catalogue (products.hpp), four keys each. Every product starts with the
// same trade terms, so a scenario that sets none of them is the one-market economy's trade.
void declare_products(config::Schema<Params>& s) {
  s.section("products", "Products as markets: food, craft, clothing, chemicals (and building materials), furniture and metal. Clusters, unclustered SMEs, traders, buyers and big firms are spread over them by `share`; trade ties join only agents of the same product, and each product has its own import tariff, partner tariff and import quality (docs/model.md §7.18).");
  for (std::size_t g = 0; g < product_count; ++g) {
    const auto& c = product_catalogue[g];
    const std::string at = "products." + std::string(c.key);
    const std::string name(c.name);
    s.number(at + ".share", [g](Params& p) -> auto& { return p.products[g].share; }).def(c.share).range(0.0, 1.0).unit("weight")
        .describe("Weight of " + name + " among sentra: clusters and unclustered SMEs draw their product by these weights (traders, buyers and big firms then follow the firms' mix, region by region). Default: its share of the 7,437 sentra of 2017 (industry.co.id/read/7097).");
    s.number(at + ".import_tariff", [g](Params& p) -> auto& { return p.products[g].import_tariff; }).def(0.08).range(0.0, 10.0).unit("fraction")
        .settable().describe("Indonesian tariff on imported " + name + ". Default 8%: the 2007 ACFTA normal-track rate of lines with a 10-15% MFN tariff (5% in 2009, 0% in 2010), the same for every product; scenarios/acfta_tariff_path.yaml sets each product's band. The starting value sets the starting import price, not the import share: that starts at buyers.import_share_initial whatever the tariff (docs/model.md §5.5, §7.18), so a tariff policy is a timeline event that changes this key during the run.");
    s.number(at + ".partner_tariff", [g](Params& p) -> auto& { return p.products[g].partner_tariff; }).def(0.1).range(0.0, 10.0).unit("fraction")
        .settable().describe("Tariff partner countries charge on Indonesian " + name + " (export-market opening lowers it). [P]");
    s.number(at + ".import_quality", [g](Params& p) -> auto& { return p.products[g].import_quality; }).def(0.5).range(0.0, 1.0).unit("fraction")
        .settable().describe("Quality of imported " + name + " (MODEL_NOTES §3: 0.5, 0.3-0.7 by product). [P]");
  }
}

config::Schema<Params> declare() {
  config::Schema<Params> s;
  s.integer("schema_version", KEY(schema_version)).required().range(1, 1)
      .describe("Scenario file format version. This release reads version 1.");
  s.choice("kind", KEY(kind), {"scenario"}).def("scenario")
      .describe("What the file is: `scenario`, the default. Experiment files say `kind: experiment` and have keys of their own (docs/experiments.md); `sentra validate` reads both kinds.");
  s.string("name", KEY(name)).required().file_name().describe("Short name of the scenario, used in output file names (results/NAME.h5) and reports.");
  s.string("description", KEY(description)).def("").describe("Free text shown in reports.");
  s.integer("seed", KEY(seed)).def(20071).range(0, 9'007'199'254'740'991LL)
      .describe("Seed of every random stream. Same scenario and seed give bit-identical results at any thread count.");
  s.integer("steps", KEY(steps)).def(24).range(1, 1200).unit("months").describe("Months to simulate.");

  s.section("world", "Size of the synthetic economy: regions, clusters and agent counts.");
  s.integer("world.regions", KEY(world.regions)).def(34).range(1, 1000).unit("regions")
      .describe("Regions (provinces or regencies), each with its own wage, infrastructure and policy.");
  s.integer("world.smes", KEY(world.smes)).def(100000).range(1, 60'000'000).unit("firms")
      .describe("SMEs at the start. 52.8 million would be the whole of Indonesia (2008).");
  s.integer("world.intermediaries", KEY(world.intermediaries)).def(1000).range(0, 10'000'000).unit("traders")
      .describe("Intermediaries (traders) buying from SMEs and reselling to buyers, assigned to regions in turn.");
  s.integer("world.buyers", KEY(world.buyers)).def(10000).range(1, 10'000'000).unit("buyers")
      .describe("Buyers (traditional retail, modern retail, export), split by the segment shares.");
  s.integer("world.big_firms", KEY(world.big_firms)).def(10).range(0, 1'000'000).unit("firms")
      .describe("Big firms (100+ workers). Table 1: 1 big firm per ~11,000 SMEs.");
  s.number("world.clustered_share", KEY(world.clustered_share)).def(0.63).range(0.0, 1.0).unit("fraction")
      .describe("Share of SMEs located in a cluster (sentra); 63% of small-scale employment is clustered.");
  s.number("world.mean_cluster_size", KEY(world.mean_cluster_size)).def(43.0).range(2.0, 100000.0).unit("firms")
      .describe("Mean firms per cluster (about 43 units per sentra in 2020).");
  s.integer("world.cluster_min_firms", KEY(world.cluster_min_firms)).def(20).range(2, 100000).unit("firms")
      .describe("Firms a group needs to count as a sentra (the study: 20; PP 29/2018: 5).");
  s.integer("world.compact_every", KEY(world.compact_every)).def(12).range(1, 1200).unit("months")
      .describe("Months between compactions: exited firms are removed and entrants join the network then.");

  s.section("sme", "SMEs: size classes, production, pricing, learning, entry and exit.");
  s.number("sme.share_micro", KEY(sme.share_micro)).def(0.9892).range(0.0, 1.0).unit("fraction")
      .describe("Share of micro firms (1-4 workers) among SMEs at the start (Table 1, 2007: 98.92%). The three sme.share_* are weights: they are divided by their sum (Table 1's SME shares sum to 99.99%), so raising one alone lowers the others' shares.");
  s.number("sme.share_small", KEY(sme.share_small)).def(0.0099).range(0.0, 1.0).unit("fraction")
      .describe("Share of small firms (5-19 workers) (Table 1, 2007: 0.99%); a weight, divided by the sum of the three sme.share_*.");
  s.number("sme.share_medium", KEY(sme.share_medium)).def(0.0008).range(0.0, 1.0).unit("fraction")
      .describe("Share of medium firms (20-99 workers) (Table 1, 2007: 0.08%); a weight, divided by the sum of the three sme.share_*.");
  s.number("sme.workers_micro", KEY(sme.workers_micro)).def(1.7).range(1.01, 3.99).unit("persons/firm")
      .describe("Mean workers per micro firm (Table 1, 2007: 1.7).");
  s.number("sme.workers_small", KEY(sme.workers_small)).def(6.6).range(5.01, 18.99).unit("persons/firm")
      .describe("Mean workers per small firm (Table 1, 2007: 6.6).");
  s.number("sme.workers_medium", KEY(sme.workers_medium)).def(72.1).range(20.01, 98.99).unit("persons/firm")
      .describe("Mean workers per medium firm (Table 1, 2007: 72.1).");
  s.number("sme.productivity_micro", KEY(sme.productivity_micro)).def(1.99).range(0.01, 1000.0).unit("units/worker-month")
      .describe("Output per worker-month of micro firms, calibrated so month 0's value added per worker is Table 1's 14.3 million IDR per worker-year (`sentra calibrate`).");
  s.number("sme.productivity_small", KEY(sme.productivity_small)).def(16.1).range(0.01, 1000.0).unit("units/worker-month")
      .describe("Output per worker-month of small firms, calibrated to Table 1's 117.8 million IDR of value added per worker-year.");
  s.number("sme.productivity_medium", KEY(sme.productivity_medium)).def(25.5).range(0.01, 1000.0).unit("units/worker-month")
      .describe("Output per worker-month of medium firms, calibrated to Table 1's 185.4 million IDR of value added per worker-year.");
  s.number("sme.productivity_dispersion", KEY(sme.productivity_dispersion)).def(0.3).range(0.0, 2.0).unit("log sd")
      .describe("Standard deviation of log productivity around the class mean.");
  s.number("sme.labour_share", KEY(sme.labour_share)).def(0.6).range(0.0, 1.0).unit("fraction")
      .describe("Wages as a share of value added at reference prices (1 million IDR per unit less material); regions draw ±20% around it. Wage per worker = this × (1 - material) × productivity.");
  s.number("sme.material_cost", KEY(sme.material_cost)).def(0.25).range(0.0, 1000.0).unit("million IDR/unit")
      .describe("Raw material per unit of output.");
  s.number("sme.material_shortfall", KEY(sme.material_shortfall)).def(0.01).range(0.0, 1.0).unit("1/month")
      .describe("Unreliable raw-material supply: monthly chance a firm's material runs short, divided by (1 + regional infrastructure).");
  s.number("sme.material_shortfall_depth", KEY(sme.material_shortfall_depth)).def(0.3).range(0.0, 1.0).unit("fraction")
      .describe("Share of its planned output a firm cannot make in a month its material runs short.");
  s.number("sme.transport_cost", KEY(sme.transport_cost)).def(0.08).range(0.0, 1000.0).unit("million IDR/unit")
      .describe("Transport per unit sold, divided by (1 + regional infrastructure).");
  s.number("sme.markup_initial", KEY(sme.markup_initial)).def(0.2).range(0.0, 10.0).unit("fraction")
      .describe("Starting mark-up on unit cost (Dosi et al. 2010).");
  s.number("sme.markup_adaptation", KEY(sme.markup_adaptation)).def(0.04).range(0.0, 1.0).unit("1")
      .describe("upsilon: mark-up response to sales growth, mu <- mu·(1 + upsilon·(growth - 1)).");
  s.number("sme.markup_min", KEY(sme.markup_min)).def(0.02).range(0.0, 10.0).unit("fraction").describe("Lowest mark-up.");
  s.number("sme.markup_max", KEY(sme.markup_max)).def(1.0).range(0.0, 10.0).unit("fraction").describe("Highest mark-up.");
  s.number("sme.expectation_weight", KEY(sme.expectation_weight)).def(0.15).range(0.0, 1.0).unit("1")
      .describe("Weight of this month's demand signal in expected demand (adaptive expectations). [calibrated: with products as separate markets, 0.3 let month-to-month noise in thinner markets pass into hiring and left the micro units share 0.30 pp below Table 1 at month 24; docs/model.md §6.3]");
  s.number("sme.output_buffer", KEY(sme.output_buffer)).def(0.1).range(0.0, 5.0).unit("fraction")
      .describe("Planned output above expected demand.");
  s.number("sme.employment_adjustment", KEY(sme.employment_adjustment)).def(0.1).range(0.0, 1.0).unit("1/month")
      .describe("Share of the gap to the desired workforce closed in a month when the firm adjusts (at least one worker).");
  s.number("sme.employment_band", KEY(sme.employment_band)).def(0.1).range(0.0, 10.0).unit("fraction of workers")
      .describe("Firms keep whole workers and change them only when the desired workforce differs by more than one worker plus this share of the present one (hiring and severance costs).");
  s.number("sme.quality_gain", KEY(sme.quality_gain)).def(0.05).range(0.0, 1.0).unit("1/month")
      .describe("eta_q: monthly quality gain at full investment, × R/(R + R0) × (1 - q) for monthly revenue R.");
  s.number("sme.quality_revenue_scale", KEY(sme.quality_revenue_scale)).def(110.0).range(0.001, 1e9).unit("million IDR/month")
      .describe("R0: revenue at which a firm invests half of what it could in quality; firms start at the steady-state quality of their revenue.");
  s.number("sme.quality_decay", KEY(sme.quality_decay)).def(0.005).range(0.0, 1.0).unit("1/month")
      .describe("delta_q: monthly quality decay.");
  s.number("sme.information_dispersion", KEY(sme.information_dispersion)).def(0.2).range(0.0, 1.0).unit("fraction")
      .describe("Starting market information is the steady state of decay and regional promotion, drawn ± this share around it, plus the steady-state gain of a partner's marketing linkage.");
  s.number("sme.information_decay", KEY(sme.information_decay)).def(0.05).range(0.0, 1.0).unit("1/month")
      .describe("delta_I: monthly decay of market information.");
  s.number("sme.initial_net_worth_months", KEY(sme.initial_net_worth_months)).def(3.0).range(0.0, 1000.0).unit("months")
      .describe("Starting net worth, in months of the firm's wage bill.");
  s.number("sme.bankruptcy_months", KEY(sme.bankruptcy_months)).def(3.0).range(0.0, 1000.0).unit("months")
      .describe("A firm exits when net worth falls below minus this many months of its wage bill.");
  s.number("sme.hazard_micro", KEY(sme.hazard_micro)).def(0.0115).range(0.0, 1.0).unit("1/month")
      .describe("Background monthly exit hazard of micro firms (about 50% survive 5 years). Firms close for it in the month before each compaction boundary, with the chance of closing over the months since the last one: 1 - (1 - h)^world.compact_every.");
  s.number("sme.hazard_small", KEY(sme.hazard_small)).def(0.008).range(0.0, 1.0).unit("1/month")
      .describe("Background monthly exit hazard of small firms (closures fall on compaction months, as for micro firms).");
  s.number("sme.hazard_medium", KEY(sme.hazard_medium)).def(0.005).range(0.0, 1.0).unit("1/month")
      .describe("Background monthly exit hazard of medium firms (closures fall on compaction months, as for micro firms).");
  s.number("sme.entry_replacement", KEY(sme.entry_replacement)).def(1.0).range(0.0, 100.0).unit("entrants/exit")
      .describe("Entrants drawn per firm that exited in the region (the market room exits leave; Dosi et al. 2010 use 1), before the levy deterrent.");
  s.boolean("sme.entry_replaces_class", KEY(sme.entry_replaces_class)).def(true)
      .describe("Entrants take the places exits left, class by class: the exited firm's workers, productivity, product, cluster, traders and buyers, and the orders they placed there; off: every entrant is a micro firm that sets up with random ties.");
  s.number("sme.entry_rate", KEY(sme.entry_rate)).def(0.0).range(0.0, 1.0).unit("1/month")
      .describe("Further entrants per live SME per month (new ventures beyond replacement), before the levy deterrent. Entry beyond exits grows the world; a run whose world would outgrow 80% of the machine's memory stops with an error (exit 1) at the boundary where it would.");
  s.number("sme.entry_levy_elasticity", KEY(sme.entry_levy_elasticity)).def(5.0).range(0.0, 100.0).unit("1")
      .describe("eta: entry is scaled by ((1 - levy rate) / (1 - the region's starting levy rate))^eta.");
  s.number("sme.entry_cost_elasticity", KEY(sme.entry_cost_elasticity)).def(0.5).range(0.0, 100.0).unit("1")
      .describe("eta_C: entry is also scaled by ((1 + starting entry cost) / (1 + entry cost))^eta_C, the cost in months of a micro firm's revenue (licence fee / revenue + licence delay).");
  s.number("sme.spinoff_share", KEY(sme.spinoff_share)).def(0.3).range(0.0, 1.0).unit("fraction")
      .describe("Share of micro entrants into a cluster (taking a clustered place, or drawing a cluster without one) that are spin-offs of a profitable firm of that cluster: they keep a trusted tie to it and start with part of its market information.");
  s.number("sme.spinoff_information", KEY(sme.spinoff_information)).def(0.8).range(0.0, 1.0).unit("fraction")
      .describe("Share of its parent's market information a spin-off starts with (if more than its own).");
  s.number("sme.informal_share_micro", KEY(sme.informal_share_micro)).def(0.7).range(0.0, 1.0).unit("fraction")
      .describe("Share of micro firms that are informal (pay no local levy, need no licence) under the region's starting rules.");
  s.number("sme.informality_levy_response", KEY(sme.informality_levy_response)).def(5.0).range(0.0, 100.0).unit("1/levy rate")
      .describe("Rise in a micro firm's probability of being informal per unit rise of the levy rate above the region's starting one (levy evasion).");
  s.number("sme.informality_cost_response", KEY(sme.informality_cost_response)).def(0.05).range(0.0, 1.0).unit("1/month")
      .describe("Rise in that probability per month of revenue the formal entry cost (licence fee and delay) rises above the starting one.");
  s.number("sme.informality_review", KEY(sme.informality_review)).def(0.2).range(0.0, 1.0).unit("1/year")
      .describe("Share of micro firms that reconsider each year whether to stay informal (entrants always choose).");

  s.section("buyers", "Buyers by segment and how they choose among offers.");
  s.number("buyers.share_traditional", KEY(buyers.share_traditional)).def(0.6).range(0.0, 1.0).unit("fraction")
      .describe("Share of buyers in domestic traditional markets (their budgets follow the sellers they see).");
  s.number("buyers.share_modern", KEY(buyers.share_modern)).def(0.3).range(0.0, 1.0).unit("fraction")
      .describe("Share in domestic modern retail.");
  s.number("buyers.share_export", KEY(buyers.share_export)).def(0.1).range(0.0, 1.0).unit("fraction")
      .describe("Share in export markets.");
  s.number("buyers.demand_to_capacity", KEY(buyers.demand_to_capacity)).def(1.0).range(0.0, 100.0).unit("1")
      .describe("Buyers' spending on domestic sellers at the start / what keeps every firm at its present size (1: the starting market clears).");
  s.number("buyers.import_share_initial", KEY(buyers.import_share_initial)).def(0.1).range(0.001, 0.95).unit("fraction")
      .describe("Share of home buyers' spending that goes to imports at the start (calibrates the logit's constants; tariffs and preferences move it from there).");
  s.number("buyers.world_share_export", KEY(buyers.world_share_export)).def(0.5).range(0.001, 0.95).unit("fraction")
      .describe("Share of export buyers' spending that goes to other countries' goods at the start.");
  s.number("buyers.demand_noise", KEY(buyers.demand_noise)).def(0.1).range(0.0, 2.0).unit("1")
      .describe("Standard deviation of the monthly mean-one lognormal factor on each logit share of a buyer's budget (a buyer stands for many consumers).");
  s.integer("buyers.links_traditional", KEY(buyers.links_traditional)).def(4).range(0, 100000).unit("SMEs")
      .describe("SMEs of its region a traditional buyer sees directly.");
  s.integer("buyers.links_modern", KEY(buyers.links_modern)).def(3).range(0, 100000).unit("SMEs")
      .describe("SMEs a modern retail buyer sees directly.");
  s.integer("buyers.links_export", KEY(buyers.links_export)).def(2).range(0, 100000).unit("SMEs")
      .describe("SMEs an export buyer sees directly.");
  s.integer("buyers.intermediary_links", KEY(buyers.intermediary_links)).def(2).range(0, 10000).unit("traders")
      .describe("Traders of its region each buyer sees.");
  s.integer("buyers.big_firm_links", KEY(buyers.big_firm_links)).def(2).range(0, 10000).unit("firms")
      .describe("Big firms each modern or export buyer sees.");
  s.number("buyers.price_weight_traditional", KEY(buyers.price_weight_traditional)).def(3.0).range(0.0, 100.0).unit("1")
      .describe("beta_p of traditional buyers: weight of -ln(price) in utility.");
  s.number("buyers.price_weight_modern", KEY(buyers.price_weight_modern)).def(2.0).range(0.0, 100.0).unit("1")
      .describe("beta_p of modern retail buyers.");
  s.number("buyers.price_weight_export", KEY(buyers.price_weight_export)).def(1.5).range(0.0, 100.0).unit("1")
      .describe("beta_p of export buyers.");
  s.number("buyers.quality_weight_traditional", KEY(buyers.quality_weight_traditional)).def(1.0).range(0.0, 100.0).unit("1")
      .describe("beta_q of traditional buyers: weight of quality in utility.");
  s.number("buyers.quality_weight_modern", KEY(buyers.quality_weight_modern)).def(2.0).range(0.0, 100.0).unit("1")
      .describe("beta_q of modern retail buyers.");
  s.number("buyers.quality_weight_export", KEY(buyers.quality_weight_export)).def(3.0).range(0.0, 100.0).unit("1")
      .describe("beta_q of export buyers.");
  s.number("buyers.quality_floor_modern", KEY(buyers.quality_floor_modern)).def(0.35).range(0.0, 1.0).unit("fraction")
      .describe("Offers below this quality are invisible to modern retail buyers.");
  s.number("buyers.quality_floor_export", KEY(buyers.quality_floor_export)).def(0.5).range(0.0, 1.0).unit("fraction")
      .describe("Offers below this quality are invisible to export buyers.");
  s.number("buyers.min_lot_export", KEY(buyers.min_lot_export)).def(20.0).range(0.0, 1e9).unit("units/month")
      .describe("An SME needs at least this planned output to sell to an export buyer directly.");
  s.number("buyers.loyalty_weight", KEY(buyers.loyalty_weight)).def(1.0).range(0.0, 100.0).unit("1")
      .describe("beta_J: weight of loyalty in utility.");
  s.number("buyers.capacity_weight", KEY(buyers.capacity_weight)).def(1.0).range(0.0, 10.0).unit("1")
      .describe("beta_K: weight of ln(what an offer can deliver this month) in utility; 1 makes the logit a choice among the varieties behind each offer.");
  s.number("buyers.loyalty_decay", KEY(buyers.loyalty_decay)).def(0.1).range(0.0, 1.0).unit("1/month")
      .describe("gamma: J <- (1 - gamma)·J + gamma·[bought from this seller].");
  s.number("buyers.import_preference", KEY(buyers.import_preference)).def(0.2).range(-10.0, 10.0).unit("utility")
      .settable().describe("Home consumers' utility bonus for the imported good.");
  s.number("buyers.export_demand_multiplier", KEY(buyers.export_demand_multiplier)).def(1.0).range(0.0, 100.0).unit("1")
      .settable().describe("Scales export buyers' budgets: a global demand shock.");
  s.number("buyers.visibility_weight", KEY(buyers.visibility_weight)).def(1.0).range(0.0, 100.0).unit("1")
      .describe("beta_V: weight in utility of a seller's visibility V, which participants of a successful joint marketing project hold (joint_action.jm_visibility).");

  s.section("intermediaries", "Traders between SMEs and buyers.");
  s.number("intermediaries.suppliers_per_sme", KEY(intermediaries.suppliers_per_sme)).def(1.5).range(0.0, 100.0).unit("traders")
      .describe("Mean traders an SME sells through (the integer part, plus one more with the fractional part's probability), drawn among the traders of its product in its region.");
  s.number("intermediaries.margin_base", KEY(intermediaries.margin_base)).def(0.15).range(0.0, 0.9).unit("fraction")
      .describe("phi0: the part of a trader's margin (share of the final price it keeps on an SME's goods) every SME pays.");
  s.number("intermediaries.margin_alternatives", KEY(intermediaries.margin_alternatives)).def(0.10).range(0.0, 0.9).unit("fraction")
      .describe("phi1: margin added for an SME with no other channel; divided by (1 + its other channels: each other trader, the direct market, a big-firm partner).");
  s.number("intermediaries.margin_information", KEY(intermediaries.margin_information)).def(0.10).range(0.0, 0.9).unit("fraction")
      .describe("phi2: margin added for an SME without market information; times (1 - information).");
  s.number("intermediaries.margin_max", KEY(intermediaries.margin_max)).def(0.8).range(0.0, 0.95).unit("fraction")
      .describe("Cap on a trader's margin.");
  s.number("intermediaries.margin_dispersion", KEY(intermediaries.margin_dispersion)).def(0.2).range(0.0, 1.0).unit("fraction")
      .describe("Traders differ in bargaining power: each one's margins are × a factor drawn uniformly in 1 ± this.");
  s.number("intermediaries.chain_share", KEY(intermediaries.chain_share)).def(0.3).range(0.0, 1.0).unit("fraction")
      .describe("Share of traders who sell through a second trader (a wholesaler or exporter) before the buyer.");
  s.number("intermediaries.chain_margin", KEY(intermediaries.chain_margin)).def(0.15).range(0.0, 0.9).unit("fraction")
      .describe("Share of the final price the second trader of a chain keeps.");
  s.number("intermediaries.signal_pass_through", KEY(intermediaries.signal_pass_through)).def(0.6).range(0.0, 1.0).unit("fraction")
      .describe("theta: share of the demand behind traders' orders an uninformed SME perceives; information I raises it to theta + (1 - theta)·I.");
  s.number("intermediaries.visit_rate", KEY(intermediaries.visit_rate)).def(0.2).range(0.0, 1.0).unit("1/year")
      .describe("Chance a year that a trader whose buyers ordered more than it delivered last month visits a cluster of its product in its region (at the yearly boundary, × world.compact_every/12) and takes on one of its members as a supplier; the cluster is chosen with weight N_c^0.5·SC_c·max(0, 1 - congestion_c) (design notes, Intermediaries; Weijland 1999: social capital lowers transaction costs and attracts traders). Rate: [calibrated: 0.5 and 1 move the small class's unit share out of tolerance at seeds 2, 3 and 5].");
  s.number("intermediaries.visit_congestion", KEY(intermediaries.visit_congestion)).def(3.0).range(0.01, 100.0).unit("trader ties/member")
      .describe("Trader ties per live member at which a cluster takes no more visits: congestion_c = (trader ties into c / N_c) / this (Weijland 1999: the marketing advantage fades as clusters become overcrowded). [assumption]: twice the starting 1.5 ties per SME.");

  s.section("big_firms", "Big firms and their partnerships with SMEs.");
  s.number("big_firms.workers", KEY(big_firms.workers)).def(568.0).range(100.0, 1e6).unit("persons/firm")
      .describe("Mean workers per big firm (Table 1, 2007: 568).");
  s.number("big_firms.productivity", KEY(big_firms.productivity)).def(90.6).range(0.01, 1e6).unit("units/worker-month")
      .describe("Output per worker-month, calibrated to Table 1's 645.9 million IDR of value added per worker-year of large firms.");
  s.number("big_firms.markup", KEY(big_firms.markup)).def(0.2).range(0.0, 10.0).unit("fraction").describe("Big firms' mark-up.");
  s.number("big_firms.quality", KEY(big_firms.quality)).def(0.7).range(0.0, 1.0).unit("fraction").describe("Big firms' product quality.");
  s.number("big_firms.partnered_share_small", KEY(big_firms.partnered_share_small)).def(0.06).range(0.0, 1.0).unit("fraction")
      .describe("Share of small firms with a big-firm partner at the start (the study: ~6%).");
  s.number("big_firms.partnered_share_micro", KEY(big_firms.partnered_share_micro)).def(0.002).range(0.0, 1.0).unit("fraction")
      .describe("Share of micro firms with a big-firm partner at the start.");
  s.number("big_firms.partnered_share_medium", KEY(big_firms.partnered_share_medium)).def(0.1).range(0.0, 1.0).unit("fraction")
      .describe("Share of medium firms with a big-firm partner at the start.");
  s.number("big_firms.offtake_share", KEY(big_firms.offtake_share)).def(0.3).range(0.0, 1.0).unit("fraction")
      .describe("Contract quantity: the share of a partner's capacity (when the partnership forms) the big firm orders each month.");
  s.number("big_firms.partnership_programme", KEY(big_firms.partnership_programme)).def(1.0).range(0.0, 100.0).unit("1")
      .settable().describe("Each big firm seeks this × its starting number of SME partners, filling the gap at each yearly boundary (1: partnerships lost to exits are replaced; a programme raises it).");
  s.integer("big_firms.partner_candidates", KEY(big_firms.partner_candidates)).def(20).range(1, 10000).unit("SMEs")
      .describe("Unpartnered SMEs of the lost partner's class a big firm screens for each partner it seeks; it offers contracts to the best scored (quality + productivity / mean productivity of those screened).");
  s.number("big_firms.partner_information_gain", KEY(big_firms.partner_information_gain)).def(0.02).range(0.0, 1.0).unit("1/month")
      .describe("Monthly information gain of an SME whose partner gives a marketing linkage.");

  s.section("partnership", "The five partnership patterns' terms (nucleus-plasma, subcontracting, general trade, agency, franchise) and how partnerships end.");
  s.number("partnership.share_nucleus_plasma", KEY(partnership.share_nucleus_plasma)).def(0.2).range(0.0, 1.0).unit("weight")
      .describe("Weight of the nucleus-plasma (inti-plasma) pattern among new partnerships (weights are normalised).");
  s.number("partnership.share_subcontracting", KEY(partnership.share_subcontracting)).def(0.3).range(0.0, 1.0).unit("weight")
      .describe("Weight of subcontracting.");
  s.number("partnership.share_general_trade", KEY(partnership.share_general_trade)).def(0.3).range(0.0, 1.0).unit("weight")
      .describe("Weight of general trade (the big firm as a sales channel).");
  s.number("partnership.share_agency", KEY(partnership.share_agency)).def(0.1).range(0.0, 1.0).unit("weight")
      .describe("Weight of agency (the SME sells the big firm's goods on commission).");
  s.number("partnership.share_franchise", KEY(partnership.share_franchise)).def(0.1).range(0.0, 1.0).unit("weight")
      .describe("Weight of franchise (brand and royalty).");
  s.number("partnership.plasma_offtake", KEY(partnership.plasma_offtake)).def(0.8).range(0.0, 1.0).unit("fraction")
      .describe("Nucleus-plasma: share of the SME's capacity (at formation) the nucleus firm guarantees to take each month.");
  s.number("partnership.plasma_price_discount", KEY(partnership.plasma_price_discount)).def(0.1).range(0.0, 1.0).unit("fraction")
      .describe("Nucleus-plasma: the nucleus pays (1 - this) x the SME's ask and supplies the inputs for what it takes.");
  s.number("partnership.plasma_credit_months", KEY(partnership.plasma_credit_months)).def(2.0).range(0.0, 120.0).unit("months")
      .describe("Nucleus-plasma: credit line in months of the SME's wage bill (its bankruptcy line moves down by as much).");
  s.number("partnership.technology_transfer_plasma", KEY(partnership.technology_transfer_plasma)).def(0.01).range(0.0, 1.0).unit("1/year")
      .describe("Nucleus-plasma: share of the gap to the big firm's productivity the SME closes per year.");
  s.number("partnership.technology_transfer_subcontracting", KEY(partnership.technology_transfer_subcontracting)).def(0.005).range(0.0, 1.0).unit("1/year")
      .describe("Subcontracting: share of the productivity gap closed per year.");
  s.number("partnership.subcontract_quality", KEY(partnership.subcontract_quality)).def(0.4).range(0.0, 1.0).unit("fraction")
      .describe("Subcontracting: quality specification; a subcontractor below it gets no orders that month (and loses the big firm's trust).");
  s.number("partnership.general_trade_margin", KEY(partnership.general_trade_margin)).def(0.1).range(0.0, 0.9).unit("fraction")
      .describe("General trade: the big firm buys at the SME's ask and sells the goods on in its markets, keeping this share of the final price.");
  s.number("partnership.agency_commission", KEY(partnership.agency_commission)).def(0.075).range(0.0, 1.0).unit("fraction")
      .describe("Agency: commission on the value of the big firm's goods the SME sells (a volume of offtake_share x its capacity a month).");
  s.number("partnership.agency_information_gain", KEY(partnership.agency_information_gain)).def(0.005).range(0.0, 1.0).unit("1/month")
      .describe("Agency: information an agent gains per month from the big firm's market (+0.1 at the steady state of the default decay).");
  s.number("partnership.franchise_royalty", KEY(partnership.franchise_royalty)).def(0.05).range(0.0, 1.0).unit("fraction")
      .describe("Franchise: royalty, share of the franchisee's revenue paid to the franchisor.");
  s.number("partnership.franchise_brand", KEY(partnership.franchise_brand)).def(0.5).range(0.0, 10.0).unit("utility")
      .describe("Franchise: utility buyers add to a franchisee's offer for the brand.");
  s.number("partnership.franchise_quality_floor", KEY(partnership.franchise_quality_floor)).def(0.6).range(0.0, 1.0).unit("fraction")
      .describe("Franchise: the franchisor keeps the franchisee's quality at least at this level.");
  s.number("partnership.franchise_hazard_factor", KEY(partnership.franchise_hazard_factor)).def(0.7).range(0.0, 10.0).unit("1")
      .describe("Franchise: x the franchisee's exit hazard.");
  s.number("partnership.trust_initial", KEY(partnership.trust_initial)).def(0.7).range(0.0, 1.0).unit("fraction")
      .describe("The big firm's trust in a partner when the partnership forms (it has screened the firm).");
  s.number("partnership.trust_gain", KEY(partnership.trust_gain)).def(0.05).range(0.0, 1.0).unit("1/month")
      .describe("A partner that delivers in full (or, franchise, keeps the quality floor; agency: every month) raises the big firm's trust: T += gain·(1 - T).");
  s.number("partnership.trust_loss", KEY(partnership.trust_loss)).def(0.2).range(0.0, 1.0).unit("1/month")
      .describe("A short delivery or quality below the specification lowers it: T -= loss·T.");
  s.number("partnership.trust_min", KEY(partnership.trust_min)).def(0.3).range(0.0, 1.0).unit("fraction")
      .describe("At a yearly boundary the big firm ends a partnership whose trust is below this.");
  s.number("partnership.holdup_trust", KEY(partnership.holdup_trust)).def(0.5).range(0.0, 1.0).unit("fraction")
      .describe("Subcontracting hold-up: below this trust the big firm drops a subcontractor whose ask is above its region's mean (a cheaper bid exists).");

  s.section("social", "Trust and information on SME-SME ties inside clusters.");
  s.number("social.ties_per_clustered_sme", KEY(social.ties_per_clustered_sme)).def(4.0).range(0.0, 1000.0).unit("ties")
      .describe("Mean ties of a clustered SME to firms of its cluster.");
  s.number("social.meeting_probability", KEY(social.meeting_probability)).def(0.25).range(0.0, 1.0).unit("1/month")
      .describe("Chance that two tied firms meet in a month.");
  s.number("social.trust_initial", KEY(social.trust_initial)).def(0.5).range(0.0, 1.0).unit("fraction")
      .describe("Trust on a new tie, and the level idle ties drift to.");
  s.number("social.trust_gain", KEY(social.trust_gain)).def(0.1).range(0.0, 1.0).unit("1")
      .describe("rho+: after a good meeting T <- T + rho+·(1 - T).");
  s.number("social.trust_loss", KEY(social.trust_loss)).def(0.3).range(0.0, 1.0).unit("1")
      .describe("rho-: after a bad meeting T <- T - rho-·T.");
  s.number("social.trust_drift", KEY(social.trust_drift)).def(0.01).range(0.0, 1.0).unit("1/month")
      .describe("Rate at which idle ties drift toward the initial trust.");
  s.number("social.information_gap_distrust", KEY(social.information_gap_distrust)).def(1.0).range(0.0, 100.0).unit("1")
      .describe("Chance a meeting goes badly = this × the information gap between the two firms.");
  s.number("social.learning_rate", KEY(social.learning_rate)).def(0.1).range(0.0, 1.0).unit("1")
      .describe("Information gained at a good meeting = this × trust × (other's information - own).");

  s.section("trade", "Free trade: imports at home, tariffs abroad (tariffs and import quality are set per product, under `products`).");
  s.number("trade.world_price", KEY(trade.world_price)).def(1.0).range(0.001, 1e6).unit("million IDR/unit")
      .settable().describe("Price of the foreign good before tariffs and transport.");
  s.number("trade.import_transport", KEY(trade.import_transport)).def(0.1).range(0.0, 10.0).unit("fraction")
      .describe("Transport and handling on imports, as a share of the world price.");

  s.number("trade.input_tariff", KEY(trade.input_tariff)).def(0.05).range(0.0, 10.0).unit("fraction")
      .settable().describe("Tariff on imported raw materials and inputs; sme.material_cost is the cost at the starting tariff, and moves with (1 + tariff) / (1 + starting tariff).");

  declare_products(s);

  s.section("policy", "Regional autonomy: each region's levers. Timeline events may set them for one region (`region:`) or all.");
  s.number("policy.levy_rate", KEY(policy.levy_rate)).def(0.02).range(0.0, 0.9).unit("fraction")
      .settable().describe("Local levy on formal SMEs' revenue (PAD).");
  s.number("policy.promotion", KEY(policy.promotion)).def(0.005).range(0.0, 1.0).unit("1/month")
      .settable().describe("Information each SME gains per month from regional promotion.");
  s.number("policy.infrastructure", KEY(policy.infrastructure)).def(1.0).range(0.0, 100.0).unit("index")
      .settable().describe("Infrastructure index; transport cost is divided by (1 + index). Regions draw ×0.5–1.5.");
  s.number("policy.licence_fee", KEY(policy.licence_fee)).def(0.5).range(0.0, 1e6).unit("million IDR")
      .settable().describe("Fee a formal entrant pays the region for its business licence (informal entrants pay none).");
  s.number("policy.licence_delay", KEY(policy.licence_delay)).def(0.0).range(0.0, 120.0).unit("months")
      .settable().describe("Months a formal entrant waits for its licence before it may sell (its workers are paid meanwhile).");
  s.number("policy.information_system", KEY(policy.information_system)).def(0.0).range(0.0, 1.0).unit("fraction")
      .settable().describe("Open information system of the region's clusters (0 none, 1 every cluster): market prices and buyers' requirements shared with clustered SMEs.");
  s.number("policy.information_system_gain", KEY(policy.information_system_gain)).def(0.01).range(0.0, 1.0).unit("1/month")
      .describe("Information a clustered SME gains per month from a full open information system.");
  s.number("policy.central_transfer", KEY(policy.central_transfer)).def(4.0).range(0.0, 1000.0).unit("x own revenue")
      .describe("Central transfer (DAU) each region receives per year, as a multiple of its own revenue (levies and fees) in the first year; fixed in money after that.");
  s.number("policy.levy_leakage", KEY(policy.levy_leakage)).def(0.0).range(0.0, 1.0).unit("fraction")
      .settable().describe("Share of levies and fees that never reaches the budget (collection costs, distortive levies).");
  s.number("policy.budget_share_promotion", KEY(policy.budget_share_promotion)).def(0.05).range(0.0, 1.0).unit("fraction")
      .settable().describe("Share of the yearly budget spent on promoting SMEs; promotion (information per SME-month) scales with this spending relative to the first year's.");
  s.number("policy.budget_share_infrastructure", KEY(policy.budget_share_infrastructure)).def(0.3).range(0.0, 1.0).unit("fraction")
      .settable().describe("Share of the yearly budget spent on infrastructure; the stock moves toward what the spending sustains at the depreciation rate.");
  s.number("policy.budget_share_cluster_programme", KEY(policy.budget_share_cluster_programme)).def(0.0).range(0.0, 1.0).unit("fraction")
      .settable().describe("Share of the yearly budget spent on a cluster programme that pays for open information systems in the region's clusters.");
  s.number("policy.cluster_programme_cost", KEY(policy.cluster_programme_cost)).def(1.0).range(1e-6, 1e6).unit("million IDR/firm-year")
      .describe("What a full open information system costs per clustered SME per year.");
  s.number("policy.infrastructure_depreciation", KEY(policy.infrastructure_depreciation)).def(0.05).range(0.0, 1.0).unit("1/year")
      .describe("delta_H: yearly depreciation of the infrastructure stock.");
  s.number("policy.information_system_signal", KEY(policy.information_system_signal)).def(0.3).range(0.0, 1.0).unit("fraction")
      .describe("omega_IS: added to the share of the demand behind traders' orders a clustered SME sees, under a full open information system.");

  s.section("output", "What the run file holds besides per-step series.");
  s.integer("output.snapshot_every", KEY(output.snapshot_every)).def(12).range(0, 1200).unit("months")
      .describe("Write a snapshot of every live agent every this many months (0: never). The last month is always written.");
  s.integer("output.network_every", KEY(output.network_every)).def(12).range(0, 1200).unit("months")
      .describe("Write every network layer's edge list every this many months (0: never). The last month is always written.");

  s.section("clusters", "The cluster review: social capital measured on the network, then joint action.");
  s.integer("clusters.review_every", KEY(clusters.review_every)).def(12).range(1, 1200).unit("months")
      .describe("Months between cluster reviews, at the end of the month (the first in month 0): social capital is measured and joint-action projects form; their benefits last until the next review.");
  s.number("clusters.trusted_tie", KEY(clusters.trusted_tie)).def(0.5).range(0.0, 1.0).unit("fraction")
      .describe("A social tie with at least this trust counts as trusted. Cohesion is the share of a cluster's live members in its largest group (2 or more firms) linked by trusted ties.");
  s.number("clusters.order_sharing", KEY(clusters.order_sharing)).def(1.0).range(0.0, 1.0).unit("fraction")
      .describe("s: share of the export orders a clustered export-grade firm cannot fill that it passes to its cluster mates below the export grade, in proportion to their capacity and times its trust in each, at most a mate's capacity × trust; it delivers what they make as its own, and they are paid what its export buyers pay (0: no sharing). Calibrated: the micro class's export share rises with s and stays below its target at 1.");
  s.number("clusters.labour_pooling", KEY(clusters.labour_pooling)).def(0.75).range(0.0, 1.0).unit("fraction")
      .describe("Labour pooling (Marshall): a firm in a cluster takes on and lets go workers of the cluster's pool, so its employment band (sme.employment_band) is narrower by this share (0: as firms outside clusters; 1: only the whole worker remains). Clustered firms then follow lasting changes in demand more closely. [assumption: no data on its size; 0.5 and below do not make export opening favour clustered firms, 1 moves the large class's GDP share out of tolerance at seeds 2 and 4; docs/model.md §7.7f]");

  s.section("joint_action", "Joint purchasing (JP), joint marketing or trade fair (JM) and shared facility (SF) projects in clusters (Schmitz's collective efficiency), formed at each cluster review.");
  s.boolean("joint_action.enabled", KEY(joint_action.enabled)).def(true)
      .describe("Clusters form joint-action projects at their reviews (off: no projects, no fees, no benefits).");
  s.number("joint_action.trust_min", KEY(joint_action.trust_min)).def(0.5).range(0.0, 1.0).unit("fraction")
      .describe("T_min: a firm joins projects only when its mean trust in its live cluster mates reaches this.");
  s.number("joint_action.defection", KEY(joint_action.defection)).def(0.5).range(0.0, 1.0).unit("1")
      .describe("psi: a participant free rides with probability psi·(1 - its mean trust)·(1 - the cluster's norm), the norm being cohesion × mean trust.");
  s.number("joint_action.defection_limit", KEY(joint_action.defection_limit)).def(0.3).range(0.0, 1.0).unit("fraction")
      .describe("A project fails when this share of its participants or more free ride.");
  s.integer("joint_action.min_participants_jp", KEY(joint_action.min_participants_jp)).def(5).range(1, 100000).unit("firms")
      .describe("Participants a joint purchase needs to succeed.");
  s.integer("joint_action.min_participants_jm", KEY(joint_action.min_participants_jm)).def(10).range(1, 100000).unit("firms")
      .describe("Participants joint marketing (a trade fair) needs to succeed.");
  s.integer("joint_action.min_participants_sf", KEY(joint_action.min_participants_sf)).def(15).range(1, 100000).unit("firms")
      .describe("Participants a shared facility needs to succeed.");
  s.number("joint_action.jp_discount", KEY(joint_action.jp_discount)).def(0.1).range(0.0, 1.0).unit("fraction")
      .describe("delta_JP: share of material cost a joint purchase saves its participants at full scale; n participants save delta_JP·min(1, n / jp_full_size).");
  s.number("joint_action.jp_full_size", KEY(joint_action.jp_full_size)).def(20.0).range(1.0, 100000.0).unit("firms")
      .describe("Participants at which a joint purchase reaches its full saving.");
  s.number("joint_action.jm_visibility", KEY(joint_action.jm_visibility)).def(0.2).range(0.0, 10.0).unit("utility")
      .describe("V: visibility a successful joint marketing project gives its participants (buyers' utility + buyers.visibility_weight × V); export buyers who see them waive the minimum lot (the fair pools lots).");
  s.number("joint_action.sf_quality", KEY(joint_action.sf_quality)).def(0.05).range(0.0, 1.0).unit("fraction")
      .describe("Quality a shared facility adds to what its participants offer.");
  s.number("joint_action.sf_cost", KEY(joint_action.sf_cost)).def(0.03).range(0.0, 1.0).unit("fraction")
      .describe("Share of unit cost a shared facility saves its participants.");
  s.number("joint_action.fee_jp", KEY(joint_action.fee_jp)).def(0.6).range(0.0, 1e9).unit("million IDR/year")
      .describe("What each cooperating participant of a joint purchase pays, from net worth at the review, for the months until the next (fee × clusters.review_every / 12; free riders pay nothing).");
  s.number("joint_action.fee_jm", KEY(joint_action.fee_jm)).def(0.3).range(0.0, 1e9).unit("million IDR/year")
      .describe("What each cooperating participant of joint marketing pays.");
  s.number("joint_action.fee_sf", KEY(joint_action.fee_sf)).def(1.0).range(0.0, 1e9).unit("million IDR/year")
      .describe("What each cooperating participant of a shared facility pays.");

  s.section("strategy", "Ansoff strategy choice: once a year, at cluster reviews, every live SME that sells chooses penetration, market development, product development or diversification by a noisy logit over the payoffs it believes in (strategy.hpp).");
  s.boolean("strategy.enabled", KEY(strategy.enabled)).def(true)
      .describe("SMEs review their strategy in review months from month 12 on (off: no choice, no costs, no effects; results as before the review existed).");
  s.number("strategy.sensitivity", KEY(strategy.sensitivity)).def(1.0).range(0.0, 1000.0).unit("1/profit level")
      .describe("beta_s: P(a) ∝ exp(beta_s·E^_a/|Pi_i| + bonus·[a current]), E^_a the estimated payoff over a year and |Pi_i| a year of the firm's last monthly profit.");
  s.number("strategy.noise", KEY(strategy.noise)).def(0.5).range(0.0, 100.0).unit("× |Pi_i|")
      .describe("sigma: s.d. of the error on each estimate of an uninformed firm, in years of its profit; a firm with information I errs by sigma·(1 - I)·|Pi_i|.");
  s.number("strategy.status_quo_bonus", KEY(strategy.status_quo_bonus)).def(3.0).range(0.0, 100.0).unit("utility")
      .describe("Logit bonus of the strategy the firm already follows (inertia; everybody starts on penetration).");
  s.number("strategy.profit_floor", KEY(strategy.profit_floor)).def(0.05).range(0.0, 1.0).unit("fraction of revenue")
      .describe("|Pi_i| is at least this share of a year's revenue, so firms near break-even do not choose as if infinitely sensitive.");
  s.number("strategy.gain_penetration", KEY(strategy.gain_penetration)).def(0.01).range(0.0, 10.0).unit("fraction of a year's revenue")
      .describe("Profit a firm believes penetration (a price cut and promotion) adds over a year. [P]");
  s.number("strategy.gain_market_development", KEY(strategy.gain_market_development)).def(0.05).range(0.0, 10.0).unit("fraction of a year's revenue")
      .describe("Profit a firm believes a new market (a buyer of another segment or region) adds over a year. [P]");
  s.number("strategy.gain_product_development", KEY(strategy.gain_product_development)).def(0.03).range(0.0, 10.0).unit("fraction of a year's revenue")
      .describe("Profit a firm believes better quality adds over a year. [P]");
  s.number("strategy.gain_diversification", KEY(strategy.gain_diversification)).def(0.08).range(0.0, 10.0).unit("fraction of a year's revenue")
      .describe("Profit a firm believes a new line in a new market adds over a year. [P]");
  s.number("strategy.cost_penetration", KEY(strategy.cost_penetration)).def(0.02).range(0.0, 120.0).unit("months of revenue")
      .describe("The promotion spend of penetration, paid from net worth at the review.");
  s.number("strategy.cost_market_development", KEY(strategy.cost_market_development)).def(3.0).range(0.0, 120.0).unit("months of revenue")
      .describe("F_x: what opening a new market costs (MODEL_NOTES §3: 3 months' revenue).");
  s.number("strategy.cost_product_development", KEY(strategy.cost_product_development)).def(0.25).range(0.0, 120.0).unit("months of revenue")
      .describe("R: what product development spends on quality. [P]");
  s.number("strategy.cost_diversification", KEY(strategy.cost_diversification)).def(3.25).range(0.0, 120.0).unit("months of revenue")
      .describe("F + R: a new market and a new line.");
  s.number("strategy.markup_factor", KEY(strategy.markup_factor)).def(0.98).range(0.0, 1.0).unit("factor")
      .describe("Penetration: the mark-up is multiplied by this (within sme.markup_min and sme.markup_max).");
  s.number("strategy.promotion_information", KEY(strategy.promotion_information)).def(0.0).range(0.0, 1.0).unit("information")
      .describe("Penetration: information its promotion spend adds (capped at 1).");
  s.number("strategy.quality_gain", KEY(strategy.quality_gain)).def(0.02).range(0.0, 1.0).unit("fraction")
      .describe("Product development: share of the gap to quality 1 closed at once.");
  s.number("strategy.new_buyer_scale", KEY(strategy.new_buyer_scale)).def(0.1).range(0.0, 1.0).unit("fraction")
      .describe("Market development and diversification: the new buyer's match is set so that, at last month's offers, it would buy this share of what the firm sold per channel (trial orders; its loyalty grows as it buys).");
  s.number("strategy.learning_penalty", KEY(strategy.learning_penalty)).def(0.2).range(0.0, 1.0).unit("fraction")
      .describe("Diversification: capacity × (1 - penalty) the month after the choice, recovering linearly to full over 12 months (one product in the model: the new line shows as learning).");

  s.timeline("timeline", KEY(timeline))
      .describe("Policy events: at month `at`, set key `set` to `value` (for one `region`, or all).");
  return s;
}

#undef KEY

const char* regional_keys[] = {"policy.levy_rate",    "policy.promotion",     "policy.infrastructure",
                               "policy.licence_fee", "policy.licence_delay", "policy.information_system"};

}  // namespace

const config::Schema<Params>& scenario_schema() {
  static const config::Schema<Params> schema = declare();
  return schema;
}

namespace {

// The checks across keys that the declarations cannot express, on a loaded scenario.
config::Loaded<Params> checked(config::Loaded<Params> loaded) {
  const auto& p = loaded.value;
  std::vector<config::Diagnostic> problems;

  for (std::size_t k = 0; k < p.timeline.size(); ++k) {
    const auto& ev = p.timeline[k];
    const std::string where = "timeline[" + std::to_string(k) + "]";
    bool regional = false;
    for (const char* key : regional_keys) regional = regional || ev.key == key;
    if (ev.region >= 0 && !regional)
      problems.push_back({ev.mark, where + ".region",
                          "expected no region for national key '" + ev.key + "', got region " + std::to_string(ev.region)});
    if (ev.region >= p.world.regions)
      problems.push_back({ev.mark, where + ".region",
                          "expected a region index in [0, " + std::to_string(p.world.regions - 1) + "], got " +
                              std::to_string(ev.region)});
    if (ev.at >= p.steps)
      problems.push_back({ev.mark, where + ".at",
                          "expected a month before the end of the run (steps = " + std::to_string(p.steps) + "), got " +
                              std::to_string(ev.at)});
  }
  if (p.sme.markup_min > p.sme.markup_max)
    problems.push_back(loaded.error("sme.markup_min", "at most sme.markup_max (" + config::format_double(p.sme.markup_max) + ")",
                                    config::format_double(p.sme.markup_min)));
  if (p.buyers.share_traditional + p.buyers.share_modern + p.buyers.share_export <= 0)
    problems.push_back(loaded.error("buyers.share_export", "segment shares with a positive sum", "all zero"));
  if (p.sme.share_micro + p.sme.share_small + p.sme.share_medium <= 0)
    problems.push_back(loaded.error("sme.share_micro", "size-class shares with a positive sum", "all zero"));
  {
    double products = 0;
    for (const auto& g : p.products) products += g.share;
    if (products <= 0) problems.push_back(loaded.error("products.food.share", "product shares with a positive sum", "all zero"));
  }

  // Refuse worlds that cannot fit in this machine's memory before allocating anything.
  const double physical = physical_memory_bytes();
  const double need = double(estimate_world_bytes(p));
  if (physical > 0 && need > world_memory_share * physical) {
    std::ostringstream got;
    got.precision(3);
    got << p.world.smes << " SMEs (about " << need / 1e9 << " GB; this machine has " << physical / 1e9 << " GB)";
    problems.push_back(loaded.error("world.smes", "a world that fits in memory", got.str()));
  }
  if (!problems.empty()) throw config::ConfigError(std::move(problems));
  return loaded;
}

}  // namespace

config::Loaded<Params> load_scenario(const std::string& path, const std::vector<std::string>& overrides) {
  config::LoadOptions opts;
  opts.overrides = overrides;
  return checked(config::load_file(scenario_schema(), path, opts));
}

config::Loaded<Params> load_scenario(const config::ParsedFile& parsed, const std::vector<std::string>& overrides) {
  config::LoadOptions opts;
  opts.overrides = overrides;
  return checked(config::load_parsed(scenario_schema(), parsed, opts));
}

}  // namespace sentra::cluster
