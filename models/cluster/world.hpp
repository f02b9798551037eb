#pragma once
// The whole state of one simulation of the cluster-competition model. Plain data: behaviour
// lives in the phase files, construction in world_builder.cpp.
#include <cstdint>
#include <vector>

#include "models/cluster/network.hpp"
#include "models/cluster/params.hpp"
#include "models/cluster/stores.hpp"

namespace sentra::cluster {

// An event of the timeline as it was applied, for the output's /events table.
struct AppliedEvent {
  std::int64_t step;
  std::string key;
  std::int64_t region;
  double value;
};

struct World {
  Params params;
  std::int64_t step = 0;            // the step about to run (0 before the first)
  std::uint32_t next_uid = 0;

  SmeStore sme;
  IntermediaryStore intermediary;
  BuyerStore buyer;
  BigFirmStore big_firm;
  RegionState region;
  std::int32_t clusters = 0;
  std::vector<std::uint16_t> cluster_region;
  std::vector<std::uint8_t> cluster_product;  // a sentra makes one product (products.hpp)

  Network net;

  // What each seller offers this month, over the whole vertex space (only seller kinds
  // are filled): price a buyer pays, quality, whether it can serve a buyer at all, and the
  // share of orders it could fill.
  std::vector<float> offer_price;
  std::vector<float> offer_quality;
  std::vector<float> offer_capacity;    // units it can deliver this month
  std::vector<float> fill_ratio;        // of all orders; of home buyers' only for traders and exporters that share orders
  std::vector<float> export_fill;       // of export buyers' orders, over SMEs and traders (order_sharing.hpp: export_fill)

  // Per-edge quantities of this month (index = edge index of the layer).
  std::vector<float> sales_order;       // units the buyer ordered from the seller
  // (What a trader ordered on each supply tie is derived, not stored: supply_orders.hpp.)
  std::vector<float> partner_order;     // units the big firm ordered from its partner
  std::vector<float> partner_price;     // what it pays per unit (partnership_patterns.hpp)
  // Per SME: the rate at which an exporter passes export orders to its cluster mates, units
  // per unit of trust × mate capacity (order_sharing.hpp); 0 for all others.
  std::vector<float> share_rate;

  // Entry drawn every month, carried out at the next compaction boundary.
  std::vector<std::uint32_t> pending_entrants;  // per (region, class): index region * 3 + class

  // Mean monthly revenue a micro firm plans on at the start: the yardstick of entry costs
  // (regional_policy.hpp).
  double micro_monthly_revenue = 0;

  double input_tariff_initial = 0;  // trade.input_tariff at the start: material cost is priced at it

  // Budget shares of the first budget year (regional_budget.cpp): spending is measured against them.
  bool budget_settled = false;
  double promotion_share_reference = 0, infrastructure_share_reference = 0;

  std::int64_t entries_this_step = 0;
  std::int64_t exits_this_step = 0;
  std::int64_t partnerships_ended_this_step = 0;
  std::int64_t spinoffs_this_step = 0;
  std::vector<AppliedEvent> applied_events;
  ClusterStore cluster;                 // social capital and joint action at the last review
  // Strategy review (strategy.cpp): its month (-1 before the first), firms that chose and the
  // mean spread (max - min) of their estimates / |Pi|; buyer ties it added at this step's boundary.
  std::int64_t strategy_review = -1;
  double strategy_choosers = 0, strategy_spread = 0;
  std::int64_t strategy_ties_this_step = 0;
  std::int64_t trader_visits_this_step = 0;  // supply ties traders' visits to clusters added at this step's boundary
};

}  // namespace sentra::cluster
