#pragma once
// What a buyer sees in an offer: the segment's tastes and the logit utility of each option
// (a seller on one of its sales edges, or the outside good). Shared by the monthly choice
// (buyer_choice.cpp) and by the initial budgets that clear the starting market
// (initial_budgets.cpp), so the two cannot disagree.
//   U = -beta_p·ln(price · tariff factor) + beta_q·quality + beta_J·loyalty
//       + beta_K·ln(capacity / buyers who see the seller) + match
//       + beta_V·visibility (joint marketing, joint_action.hpp) + brand (a franchisee)
#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

#include "models/cluster/joint_action.hpp"
#include "models/cluster/partnership_patterns.hpp"
#include "models/cluster/world.hpp"

namespace sentra::cluster {

struct BuyerTaste {
  double price_weight, quality_weight, quality_floor;
  bool exporter;
  double tariff_factor;  // export buyers pay the partner country's tariff on Indonesian goods of their product
  std::uint8_t product;  // the product it buys: its outside good is that product's import (products.hpp)
};

inline BuyerTaste buyer_taste(const Params& p, Segment s, std::uint8_t product) {
  const auto& b = p.buyers;
  switch (s) {
    case Segment::traditional: return {b.price_weight_traditional, b.quality_weight_traditional, 0.0, false, 1.0, product};
    case Segment::modern: return {b.price_weight_modern, b.quality_weight_modern, b.quality_floor_modern, false, 1.0, product};
    case Segment::exporter: break;
  }
  return {b.price_weight_export, b.quality_weight_export, b.quality_floor_export, true,
          1.0 + p.products[product].partner_tariff, product};
}

// The taste of buyer b (index within the buyers).
inline BuyerTaste buyer_taste(const World& w, std::uint32_t b) {
  return buyer_taste(w.params, w.buyer.segment[b], w.buyer.product[b]);
}

// Whether a buyer of this taste can buy from `seller`'s current offer: it has capacity, its
// quality meets the segment's floor, and (export buyers) an SME reaches the minimum lot, or
// markets jointly (a trade fair pools its members' lots for export buyers).
inline bool can_buy(const World& w, const BuyerTaste& t, std::uint32_t seller) {
  const float cap = w.offer_capacity[seller];
  if (cap <= 0.f || w.offer_quality[seller] < t.quality_floor) return false;
  return !(t.exporter && seller < w.net.space.smes && cap < w.params.buyers.min_lot_export && !jointly_marketed(w, seller));
}

// Utility of `seller`'s current offer, or nothing when the buyer cannot buy from it.
inline std::optional<double> offer_utility(const World& w, const BuyerTaste& t, std::uint32_t seller, const SalesEdge& tie) {
  if (!can_buy(w, t, seller)) return std::nullopt;
  const float cap = w.offer_capacity[seller];
  // What the seller can deliver to this buyer: its capacity shared among the buyers who see
  // it (a big firm serving hundreds of buyers is not hundreds of times more available to
  // each of them than a small trader).
  const double per_buyer = double(cap) / double(std::max<std::size_t>(1, w.net.sales.in_degree(seller)));
  return -t.price_weight * std::log(w.offer_price[seller] * t.tariff_factor) + t.quality_weight * w.offer_quality[seller] +
         w.params.buyers.loyalty_weight * tie.loyalty + w.params.buyers.capacity_weight * std::log(per_buyer) + tie.match +
         w.params.buyers.visibility_weight * joint_visibility(w, seller) + brand_utility(w, seller);
}

// Price of the outside good: imports of the buyer's product at home (world price, that
// product's tariff, transport), the world competitor abroad.
inline double outside_price(const Params& p, const BuyerTaste& t) {
  return t.exporter ? p.trade.world_price
                    : p.trade.world_price * (1.0 + p.products[t.product].import_tariff) * (1.0 + p.trade.import_transport);
}

// Utility of the outside good for a buyer with this month's `budget`: the world market can
// deliver the whole budget, so its capacity term is ln(budget / price).
inline double outside_utility(const Params& p, const BuyerTaste& t, double budget) {
  const double price = outside_price(p, t);
  return -t.price_weight * std::log(price) + t.quality_weight * p.products[t.product].import_quality +
         p.buyers.capacity_weight * std::log(std::max(budget / price, 1e-9)) +
         (t.exporter ? 0.0 : p.buyers.import_preference);
}

// ln of the logit's denominator for a buyer this month: the sum of exp(utility) over the
// offers it can buy from and the outside good.
inline double log_choice_total(const World& w, std::uint32_t buyer_vertex, const BuyerTaste& t, double budget) {
  double top = outside_utility(w.params, t, budget);
  std::vector<double> u{top};
  w.net.sales.for_out(buyer_vertex, [&](std::uint32_t, std::uint32_t o, const SalesEdge& tie) {
    if (const auto util = offer_utility(w, t, o, tie)) {
      u.push_back(*util);
      top = std::max(top, *util);
    }
  });
  double sum = 0;
  for (const double x : u) sum += std::exp(x - top);
  return top + std::log(sum);
}

}  // namespace sentra::cluster
