#pragma once
// The typed, validated scenario of the cluster-competition model. Every field is declared
// once, with its key path, default, unit, range and description, in scenario_schema.cpp;
// nothing here has a default of its own that could drift from that declaration.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/config/value.hpp"

namespace sentra::cluster {

struct WorldParams {
  std::int64_t regions;
  std::int64_t smes;
  std::int64_t intermediaries;
  std::int64_t buyers;
  std::int64_t big_firms;
  double clustered_share;
  double mean_cluster_size;
  std::int64_t cluster_min_firms;
  std::int64_t compact_every;
};

struct SmeParams {
  double share_micro, share_small, share_medium;            // of SME units
  double workers_micro, workers_small, workers_medium;      // mean workers per unit
  double productivity_micro, productivity_small, productivity_medium;  // value added/worker-month
  double productivity_dispersion;
  double labour_share;              // wages / value added at reference prices
  double material_cost;             // per unit of output
  double material_shortfall;        // monthly chance (at infrastructure 0) that raw material runs short
  double material_shortfall_depth;  // share of planned output lost when it does
  double transport_cost;            // per unit sold, before infrastructure
  double markup_initial, markup_adaptation, markup_min, markup_max;
  double expectation_weight;        // weight of the newest demand signal
  double output_buffer;             // planned output above expected demand
  double employment_adjustment;     // share of the employment gap closed per month
  double employment_band;           // no adjustment within 1 worker + band x workers
  double quality_gain, quality_decay;
  double quality_revenue_scale;     // R0 of the quality investment term R/(R + R0)
  double information_dispersion, information_decay;
  double initial_net_worth_months;
  double bankruptcy_months;         // exit when net worth < -this × monthly wage bill
  double hazard_micro, hazard_small, hazard_medium;         // monthly exit hazard
  double entry_replacement;         // entrants per exit in the region
  bool entry_replaces_class;        // an exit is replaced by an entrant of its own class
  double entry_rate;                // further monthly entrants per live SME
  double entry_levy_elasticity;
  double informal_share_micro;
  double informality_levy_response;  // d P(informal) / d levy rate
  double informality_cost_response;  // d P(informal) / d entry cost (months of revenue)
  double informality_review;         // share of micro firms that reconsider each year
  double entry_cost_elasticity;
  double spinoff_share;              // share of micro entrants founded from a profitable clustered firm
  double spinoff_information;        // share of the parent's information a spin-off starts with
};

struct BuyerParams {
  double share_traditional, share_modern, share_export;     // of buyers
  double demand_to_capacity;        // wanted sales at the start x this = what buyers spend at home
  double import_share_initial;      // home buyers' share of spending on imports at the start
  double world_share_export;        // export buyers' share of spending on other countries' goods at the start
  double demand_noise;              // s.d. of the monthly lognormal factor on each logit share
  std::int64_t links_traditional, links_modern, links_export;     // direct SME links
  std::int64_t intermediary_links;
  std::int64_t big_firm_links;
  double price_weight_traditional, price_weight_modern, price_weight_export;
  double quality_weight_traditional, quality_weight_modern, quality_weight_export;
  double quality_floor_modern, quality_floor_export;
  double min_lot_export;            // minimum monthly output to serve an export buyer
  double loyalty_weight, loyalty_decay;
  double capacity_weight;           // beta_K: weight of ln(capacity) in utility
  double import_preference;         // utility bonus of the imported good
  double export_demand_multiplier;
  double visibility_weight;         // beta_V: weight of a seller's visibility (joint marketing) in utility
};

struct IntermediaryParams {
  double suppliers_per_sme;
  // phi = u_m·(margin_base + margin_alternatives/(1 + n_alt) + margin_information·(1 - I)),
  // the share of the final price a trader keeps on an SME's goods (MODEL_NOTES §3).
  double margin_base, margin_alternatives, margin_information, margin_max;
  double margin_dispersion;         // traders' bargaining factor u_m ~ U(1 - d, 1 + d)
  double chain_share;               // share of traders who sell through a second trader
  double chain_margin;              // that second trader's share of the final price
  double signal_pass_through;       // share of true demand change passed back to SMEs
  // Visits to clusters (trader_visits.hpp): a trader whose buyers ordered more than it
  // delivered visits a cluster of its region and product with this chance a year, and a cluster
  // takes no more visits once it has visit_congestion trader ties per member.
  double visit_rate;                // per year
  double visit_congestion;          // trader ties per member
};

struct BigFirmParams {
  double workers;
  double productivity;
  double markup;
  double quality;
  double partnered_share_small;
  double partnered_share_micro;
  double partnered_share_medium;
  double offtake_share;             // share of a partner's planned output the big firm buys
  double partner_information_gain;  // monthly information gain from a marketing linkage
  double partnership_programme;     // x each big firm's starting partner count: its target
  std::int64_t partner_candidates;  // SMEs a big firm screens per partner it seeks
};

// The terms of the five partnership patterns (partnership_patterns.hpp) and how
// partnerships end.
struct PartnershipParams {
  double share_nucleus_plasma, share_subcontracting, share_general_trade, share_agency, share_franchise;
  double plasma_offtake;            // share of capacity a nucleus firm guarantees to take
  double plasma_price_discount;     // it pays (1 - this) x the SME's ask, and supplies the inputs
  double plasma_credit_months;      // months of wages of credit: the bankruptcy line moves down
  double technology_transfer_plasma;          // share of the productivity gap closed per year
  double technology_transfer_subcontracting;
  double subcontract_quality;       // q_req: no orders to a subcontractor below it
  double general_trade_margin;      // the big firm keeps this share of its price as a channel
  double agency_commission;         // share of the big firm's goods' value an agent keeps
  double agency_information_gain;   // information per month an agent gains
  double franchise_royalty;         // share of the franchisee's revenue paid to the franchisor
  double franchise_brand;           // utility buyers add for the brand
  double franchise_quality_floor;   // the franchisor keeps its franchisee's quality at least here
  double franchise_hazard_factor;   // x the class's exit hazard
  double trust_initial;             // the big firm's trust in a partner when the partnership forms
  double trust_gain, trust_loss;    // monthly, on the big firm's trust in its partner
  double trust_min;                 // below it the big firm ends the partnership
  double holdup_trust;              // below it a subcontractor is dropped for a cheaper bid
};

struct SocialParams {
  double ties_per_clustered_sme;
  double meeting_probability;
  double trust_initial;
  double trust_gain;                // rho+ (Kim 2009)
  double trust_loss;                // rho-
  double trust_drift;               // idle ties drift toward trust_initial
  double information_gap_distrust;  // how much an information gap makes a meeting go badly
  double learning_rate;             // information learned per meeting, × trust × gap
};

struct TradeParams {
  double world_price;
  double import_transport;
  double input_tariff;              // on imported raw material: material cost × (1 + t)/(1 + t_0)
};

// Products are separate markets (products.hpp holds the catalogue and how agents get one).
inline constexpr std::size_t product_count = 6;

struct ProductParams {
  double share;                     // weight of the product among clusters, buyers, traders and big firms
  double import_tariff;             // Indonesian tariff on the imported good of this product
  double partner_tariff;            // partner countries' tariff on Indonesian goods of this product
  double import_quality;            // quality of the imported good of this product
};

struct PolicyParams {
  double levy_rate;
  double promotion;
  double infrastructure;
  double licence_fee;               // million IDR per formal entrant
  double licence_delay;             // months a formal entrant waits for its licence
  double information_system;        // [0, 1]: clusters of the region run an open information system
  double information_system_gain;   // information per month it gives each clustered SME
  double information_system_signal; // omega_IS: added to the share of traders' demand SMEs see
  // The yearly budget: B = (1 - leakage)·(levies + fees) + transfer, spent by these shares.
  double central_transfer;          // DAU as a multiple of the first year's own revenue
  double levy_leakage;              // share of own revenue lost to collection costs and distortive levies
  double budget_share_promotion;
  double budget_share_infrastructure;
  double budget_share_cluster_programme;
  double cluster_programme_cost;    // million IDR per clustered SME per year for a full information system
  double infrastructure_depreciation;  // delta_H per year
};

struct OutputParams {
  std::int64_t snapshot_every;
  std::int64_t network_every;
};

// The yearly cluster review: social capital is measured, then joint-action projects form
// (social_capital.cpp, joint_action.cpp).
struct ClusterParams {
  std::int64_t review_every;        // months between reviews
  double trusted_tie;               // trust at or above which a tie counts as trusted (cohesion)
  double order_sharing;             // s: share of unfilled export orders an exporter passes to mates (× trust)
  double labour_pooling;            // share of the employment band a clustered firm is spared (labour_pooling.hpp)
};

struct JointActionParams {
  bool enabled;
  double trust_min;                 // T_min: mean trust a firm needs to join
  double defection;                 // psi: P(defect) = psi·(1 - mean trust)·(1 - norm)
  double defection_limit;           // a project fails when this share or more defect
  std::int64_t min_participants_jp, min_participants_jm, min_participants_sf;
  double jp_discount;               // delta_JP: material cost saving at full scale
  double jp_full_size;              // participants at which the saving is full
  double jm_visibility;             // V: visibility a successful joint marketing gives
  double sf_quality;                // offered quality bonus of a shared facility
  double sf_cost;                   // unit cost saving of a shared facility
  double fee_jp, fee_jm, fee_sf;    // million IDR a year a cooperating participant pays
};

// Ansoff strategy choice, yearly at cluster reviews (strategy.hpp). Gains: share of a year's
// revenue the firm believes an option adds; costs: months of revenue.
struct StrategyParams {
  bool enabled;
  double sensitivity;               // beta_s: weight of E^_a/|Pi_i| in the logit
  double noise;                     // sigma: s.d. of an uninformed firm's estimates, × |Pi_i|
  double status_quo_bonus;          // logit bonus of the current strategy
  double profit_floor;              // |Pi_i| at least this share of a year's revenue
  double gain_penetration, gain_market_development, gain_product_development, gain_diversification;
  double cost_penetration, cost_market_development, cost_product_development, cost_diversification;
  double markup_factor;             // penetration: mark-up × this
  double promotion_information;     // penetration: information its promotion spend buys
  double quality_gain;              // product development: share of the gap to quality 1 closed
  double new_buyer_scale;           // a new buyer's first orders: × the firm's sales per channel
  double learning_penalty;          // diversification: capacity × (1 - this), recovering over a year
};

struct Params {
  std::int64_t schema_version;
  std::string kind;
  std::string name;
  std::string description;
  std::uint64_t seed;
  std::int64_t steps;
  WorldParams world;
  SmeParams sme;
  BuyerParams buyers;
  IntermediaryParams intermediaries;
  BigFirmParams big_firms;
  PartnershipParams partnership;
  SocialParams social;
  TradeParams trade;
  std::array<ProductParams, product_count> products;
  PolicyParams policy;
  OutputParams output;
  std::vector<config::TimelineEvent> timeline;
  ClusterParams clusters;
  JointActionParams joint_action;
  StrategyParams strategy;
};

}  // namespace sentra::cluster
