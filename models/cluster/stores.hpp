#pragma once
// Structure-of-arrays stores, one per agent kind. Row i of every column is agent i (a dense
// id that changes when exited agents are compacted away); `uid` is the id that never changes
// and is what snapshots report. columns() lists every column so compaction cannot forget one.
#include <cstdint>
#include <tuple>
#include <vector>

namespace sentra::cluster {

enum class SizeClass : std::uint8_t { micro = 0, small = 1, medium = 2, large = 3 };

// BPS employment bands: micro 1-4 workers, small 5-19, medium 20-99, large 100+.
inline SizeClass size_class(float employment) {
  if (employment < 4.5f) return SizeClass::micro;
  if (employment < 19.5f) return SizeClass::small;
  if (employment < 99.5f) return SizeClass::medium;
  return SizeClass::large;
}

struct SmeStore {
  std::vector<std::uint32_t> uid;
  std::vector<std::uint16_t> region;
  std::vector<std::int32_t> cluster;        // -1: not in a cluster
  std::vector<std::uint8_t> product;        // index into product_catalogue (products.hpp): the market it sells in
  std::vector<std::uint8_t> alive;
  std::vector<std::uint8_t> informal;       // evades the local levy
  std::vector<std::int32_t> birth_step;
  std::vector<std::int32_t> exit_step;      // -1 while alive
  std::vector<std::uint8_t> licence_wait;   // months after birth before it may sell (a formal entrant's licence)
  std::vector<float> employment;            // workers
  std::vector<float> productivity;          // output units per worker-month
  std::vector<float> quality;               // [0, 1]
  std::vector<float> markup;
  std::vector<float> information;           // [0, 1]: share of true market signals seen
  std::vector<float> information_next;      // written by the social phase, swapped in after
  std::vector<float> expected_demand;       // units per month
  std::vector<float> intermediary_signal;   // filtered demand seen through intermediaries
  std::vector<float> planned_output;        // units this month
  std::vector<float> sold;                  // units sold this month
  std::vector<float> revenue;               // million IDR this month
  std::vector<float> exports;               // million IDR this month, direct + via traders/partners
  std::vector<float> profit;                // million IDR this month
  std::vector<float> levy_paid;             // million IDR this month
  std::vector<double> net_worth;            // million IDR
  std::vector<std::uint8_t> joint;          // joint-action projects joined and benefits held (joint_action.hpp)
  std::vector<std::uint8_t> strategy;       // Ansoff strategy, whether chosen at the latest review, buyer tie wanted (strategy.hpp)

  auto columns() {
    return std::tie(uid, region, cluster, product, alive, informal, birth_step, exit_step, licence_wait, employment, productivity,
                    quality, markup, information, information_next, expected_demand,
                    intermediary_signal, planned_output, sold, revenue,
                    exports, profit, levy_paid, net_worth, joint, strategy);
  }
  std::size_t size() const { return uid.size(); }
};

// How a trader split this month's orders over its suppliers (intermediary_order); each tie's
// order is derived from it (supply_orders.hpp). One record, as the four are always read together.
struct TraderSplit {
  double home = 0;           // units ordered by home buyers (ordered - export_ordered, unrounded)
  double exports = 0;        // units ordered by export buyers, unrounded
  double weight = 0;         // summed weight of the ties whose supplier makes anything this month
  double export_weight = 0;  // of which export-grade
};

struct IntermediaryStore {
  std::vector<std::uint16_t> region;
  std::vector<std::uint8_t> product;        // the one product it trades
  std::vector<float> bargaining;            // u_m: × the margin rule
  std::vector<std::uint8_t> chain;          // traders between this one and the buyer (0 or 1)
  std::vector<float> resale;                // P: its resale price this month, before a chain's margin
  std::vector<float> ordered;               // units ordered by buyers this month
  std::vector<float> export_ordered;        // of which by export buyers
  std::vector<float> purchase_cost;         // million IDR paid to SMEs this month
  std::vector<float> delivered;             // units delivered to buyers
  std::vector<float> resale_revenue;        // million IDR
  std::vector<TraderSplit> split;           // how this month's orders were split over its suppliers
  auto columns() {
    return std::tie(region, product, bargaining, chain, resale, ordered, export_ordered, purchase_cost, delivered,
                    resale_revenue, split);
  }
  std::size_t size() const { return region.size(); }
};

enum class Segment : std::uint8_t { traditional = 0, modern = 1, exporter = 2 };

struct BuyerStore {
  std::vector<std::uint16_t> region;
  std::vector<Segment> segment;
  std::vector<std::uint8_t> product;        // the one product it buys
  std::vector<float> budget;                // million IDR per month
  std::vector<float> spent_domestic;        // million IDR bought from SMEs, traders, big firms
  std::vector<float> spent_import;          // million IDR of the imported (or world) good
  std::vector<float> import_ordered;        // million IDR ordered from the import good
  auto columns() {
    return std::tie(region, segment, product, budget, spent_domestic, spent_import, import_ordered);
  }
  std::size_t size() const { return region.size(); }
};

struct BigFirmStore {
  std::vector<std::uint16_t> region;
  std::vector<std::uint8_t> product;        // the one product it makes (its partners may make others)
  std::vector<float> employment;
  std::vector<float> productivity;
  std::vector<float> planned_output;
  std::vector<float> unit_cost;
  std::vector<float> sold;                  // own output sold, units
  std::vector<float> revenue;               // million IDR
  std::vector<float> exports;               // million IDR
  std::vector<float> partner_purchases;     // million IDR bought from partner SMEs
  std::vector<float> partner_income;        // million IDR: franchise royalties less agency commissions
  auto columns() {
    return std::tie(region, product, employment, productivity, planned_output, unit_cost, sold, revenue,
                    exports, partner_purchases, partner_income);
  }
  std::size_t size() const { return region.size(); }

  // Not a column: three counts per firm. Partners at the start by the partner's class
  // (micro, small, medium: index firm * 3 + class); the firm keeps that many of each,
  // replacing those it loses (partnership_formation.cpp).
  std::vector<std::uint32_t> partners_initial;
};

struct RegionState {
  std::vector<float> unit_labour_cost;      // million IDR per unit of output
  std::vector<float> levy_rate;             // share of formal SMEs' revenue
  std::vector<float> levy_rate_initial;     // at the start: entry is deterred by levies above it
  std::vector<float> promotion;             // information gain per SME-month
  std::vector<float> infrastructure;        // index; transport cost / (1 + infrastructure)
  std::vector<float> information_system;    // [0, 1]: open information system in its clusters (in effect)
  std::vector<float> information_system_lever;  // as set by the scenario; the programme may add coverage
  // Budget (regional_budget.cpp): what the region collects, its yearly budget and what that
  // budget sustains. *_base: the promotion and infrastructure the reference budget pays for.
  std::vector<double> levies_collected;     // million IDR since the last budget
  std::vector<double> revenue;              // own revenue (PAD) of the last budget year
  std::vector<double> transfer;             // central transfer (DAU), million IDR/year, fixed at the first budget
  std::vector<double> budget;               // last budget, million IDR/year
  std::vector<double> budget_reference;     // the first budget: the one the starting levers are sized to
  std::vector<float> promotion_base;
  std::vector<float> infrastructure_base;
  std::vector<float> programme_coverage;    // share of clustered firms the cluster programme reaches
  std::vector<float> licence_fee;           // million IDR a formal entrant pays
  std::vector<float> licence_delay;         // months a formal entrant waits before it may sell
  std::vector<float> licence_fee_initial;   // at the start (entry and informality respond to changes)
  std::vector<float> licence_delay_initial;
  std::vector<double> fees_collected;       // million IDR of licence fees since the last budget
  std::size_t size() const { return unit_labour_cost.size(); }
};

// Clusters, as measured at the last yearly review (social_capital.cpp) and the joint-action
// projects formed then (joint_action.cpp). Indexed by cluster; projects by cluster * 3 + p
// (p: 0 joint purchasing, 1 joint marketing, 2 shared facility). Clusters never move, so
// nothing here is compacted.
struct ClusterStore {
  std::vector<std::uint32_t> members;       // live members at the review
  std::vector<float> density;               // internal ties / (n (n - 1)), ties counted per direction
  std::vector<float> mean_trust;            // over internal ties
  std::vector<float> social_capital;        // bonding: density x mean trust
  std::vector<float> cohesion;              // share of members in the largest trusted component
  std::vector<float> bridging;              // share of members' ties reaching outside the cluster
  std::vector<float> norm;                  // cohesion x mean trust: damps defection
  std::vector<std::uint32_t> participants;  // per project
  std::vector<std::uint32_t> defectors;     // per project
  std::vector<std::uint8_t> succeeded;      // per project
  std::vector<float> jp_saving;             // material cost share the latest joint purchase saves
  std::vector<float> jp_saving_before;      // the same, decided at the review before
  std::int64_t last_review = -1;            // month of the latest review
  double premium_start = 0;                 // the in-cluster premium at month 0 (joint_action.hpp)
};

}  // namespace sentra::cluster
