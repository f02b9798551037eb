#include "models/cluster/boundary.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <sstream>
#include <stdexcept>

#include "engine/compaction.hpp"
#include "engine/random.hpp"
#include "models/cluster/buyer_utility.hpp"
#include "models/cluster/entry_places.hpp"
#include "models/cluster/partnership_formation.hpp"
#include "models/cluster/phases.hpp"
#include "models/cluster/products.hpp"
#include "models/cluster/regional_budget.hpp"
#include "models/cluster/regional_policy.hpp"
#include "models/cluster/strategy.hpp"
#include "models/cluster/streams.hpp"
#include "models/cluster/trader_visits.hpp"
#include "models/cluster/world_builder.hpp"

namespace sentra::cluster {

// Entry that outpaces exits for long (a large sme.entry_rate, sme.entry_replacement above 1)
// grows the world without bound; it stops here with a message, as a world too large to load
// is refused, rather than being killed by the kernel (or taking the machine's memory from
// everything else) some months later.
void refuse_growth_beyond_memory(const World& w, std::uint64_t smes) {
  Params grown = w.params;
  grown.world.smes = static_cast<std::int64_t>(smes);
  const double need = double(estimate_world_bytes(grown)), physical = physical_memory_bytes();
  const bool too_many_ids = smes >= std::uint64_t{std::numeric_limits<std::uint32_t>::max()} / 2;
  if (!too_many_ids && (physical <= 0 || need <= world_memory_share * physical)) return;
  std::ostringstream why;
  why.precision(3);
  why << "month " << w.step << ": the world would grow to " << smes << " SMEs (about " << need / 1e9
      << " GB; this machine has " << physical / 1e9 << " GB): entry outpaces exit (sme.entry_rate "
      << w.params.sme.entry_rate << ", sme.entry_replacement " << w.params.sme.entry_replacement << ")";
  throw std::runtime_error(why.str());
}

namespace {

void set_regional(std::vector<float>& field, std::int64_t region, double value) {
  if (region < 0) {
    for (auto& x : field) x = static_cast<float>(value);
  } else {
    field[static_cast<std::size_t>(region)] = static_cast<float>(value);
  }
}

// Calls f(r) for one region, or every region when region < 0.
template <class F>
void for_regions(const World& w, std::int64_t region, F&& f) {
  if (region >= 0) return f(static_cast<std::size_t>(region));
  for (std::size_t r = 0; r < w.region.size(); ++r) f(r);
}

// Frees one of the month's arrays for the rest of the boundary, which ends by sizing them
// again, zeroed (size_month_arrays): the yearly rebuild then has their room.
void release(std::vector<float>& a) { std::vector<float>().swap(a); }

}  // namespace

void apply_events(World& w) {
  auto& p = w.params;
  for (const auto& ev : p.timeline) {
    if (ev.at != w.step) continue;
    // Regional levers live per region; national ones in the parameters. The scenario
    // validator has checked the key is settable, the value in range and the region valid.
    if (ev.key == "policy.levy_rate") set_regional(w.region.levy_rate, ev.region, ev.value);
    else if (ev.key == "policy.promotion") for_regions(w, ev.region, [&](std::size_t r) { set_promotion(w, r, ev.value); });
    else if (ev.key == "policy.infrastructure") for_regions(w, ev.region, [&](std::size_t r) { set_infrastructure(w, r, ev.value); });
    else if (ev.key == "policy.licence_fee") set_regional(w.region.licence_fee, ev.region, ev.value);
    else if (ev.key == "policy.licence_delay") set_regional(w.region.licence_delay, ev.region, ev.value);
    else if (ev.key == "policy.information_system")
      for_regions(w, ev.region, [&](std::size_t r) { set_information_system(w, r, ev.value); });
    else if (ev.key == "policy.levy_leakage") p.policy.levy_leakage = ev.value;
    else if (ev.key == "policy.budget_share_promotion") p.policy.budget_share_promotion = ev.value;
    else if (ev.key == "policy.budget_share_infrastructure") p.policy.budget_share_infrastructure = ev.value;
    else if (ev.key == "policy.budget_share_cluster_programme") p.policy.budget_share_cluster_programme = ev.value;
    else if (set_product_parameter(p, ev.key, ev.value)) {}  // products.<g>.import_tariff and the like
    else if (ev.key == "trade.input_tariff") p.trade.input_tariff = ev.value;
    else if (ev.key == "trade.world_price") p.trade.world_price = ev.value;
    else if (ev.key == "buyers.import_preference") p.buyers.import_preference = ev.value;
    else if (ev.key == "buyers.export_demand_multiplier") p.buyers.export_demand_multiplier = ev.value;
    else if (ev.key == "big_firms.partnership_programme") p.big_firms.partnership_programme = ev.value;
    else continue;
    w.applied_events.push_back({w.step, ev.key, ev.region, ev.value});
  }
}

void draw_entry(World& w) {
  const auto& p = w.params;
  const auto R = w.region.size();
  std::vector<double> live(R, 0.0), exited(R * 3, 0.0);
  for (std::size_t i = 0; i < w.sme.size(); ++i) {
    if (w.sme.alive[i]) {
      live[w.sme.region[i]] += 1.0;
    } else if (w.sme.exit_step[i] == w.step) {
      // An exit is replaced in its own class (or as a micro firm when entry_replaces_class is off).
      const auto c = p.sme.entry_replaces_class ? std::min(2, static_cast<int>(size_class(w.sme.employment[i]))) : 0;
      exited[w.sme.region[i] * 3 + static_cast<std::size_t>(c)] += 1.0;
    }
  }
  for (std::size_t r = 0; r < R; ++r) {
    RandomStream rng(p.seed, stream::entry_count, r, static_cast<std::uint64_t>(w.step), 0);
    // New firms fill the room this month's exits left (and a few more micro firms come on
    // their own); levies and entry costs above the region's starting ones deter them
    // (entry_deterrent, regional_policy.hpp). Their number is that expectation rounded, up
    // with the chance of its fraction: a Poisson count left some exits' places empty and put
    // random newcomers beside others, and the orders moved about that way made firms drift
    // across size classes year after year (docs/model.md §7.12).
    const double deterrent = entry_deterrent(w, r);
    for (std::size_t c = 0; c < 3; ++c) {
      const double rate = (p.sme.entry_replacement * exited[r * 3 + c] + (c == 0 ? p.sme.entry_rate * live[r] : 0.0)) * deterrent;
      const double whole = std::floor(rate);
      w.pending_entrants[r * 3 + c] += static_cast<std::uint32_t>(whole) + (rng.bernoulli(rate - whole) ? 1u : 0u);
    }
  }
}

void review_informality(World& w) {
  const auto& p = w.params;
  // Yearly, a share of micro firms reconsider: the region's levy and licence rules set the
  // odds of staying informal (informal_probability, regional_policy.hpp).
  const double review = std::min(1.0, p.sme.informality_review * double(p.world.compact_every) / 12.0);
  if (review <= 0) return;
  for (std::size_t i = 0; i < w.sme.size(); ++i) {
    if (!w.sme.alive[i] || size_class(w.sme.employment[i]) != SizeClass::micro) continue;
    RandomStream rng(p.seed, stream::informality_review, w.sme.uid[i], static_cast<std::uint64_t>(w.step), 0);
    if (rng.bernoulli(review)) w.sme.informal[i] = rng.bernoulli(informal_probability(w, w.sme.region[i])) ? 1 : 0;
  }
}

namespace {

// compact_and_enter's work up to the month arrays; false when nothing changed. Its scratch
// (remap, entrants' edges, ...) is freed when it returns, before the month arrays are
// sized again.
bool compact_enter_and_rebuild(World& w, Scheduler& scheduler) {
  const auto& p = w.params;
  const auto R = w.region.size();
  review_informality(w);
  // Partnerships that end are judged on last month's state, before anything is renumbered.
  const auto ended = partnerships_to_end(w);
  std::uint32_t ending = 0;
  for (auto x : ended) ending += x;
  w.partnerships_ended_this_step = ending;
  auto plan = plan_compaction(w.sme.alive);
  std::uint64_t entering = 0;
  for (auto n : w.pending_entrants) entering += n;
  refuse_growth_beyond_memory(w, plan.survivors() + entering);
  const auto entrants = static_cast<std::uint32_t>(entering);
  // Buyer ties that market development and diversification chose, read on the old ids.
  const auto strategy_ties = strategy_buyer_ties(w, plan.old_to_new);
  // Traders' visits to clusters (trader_visits.hpp), also read on the old ids and last month's trade.
  const auto visits = trader_visits(w, plan.old_to_new);
  if (!plan.changes_anything() && entrants == 0 && ending == 0 && strategy_ties.empty() && visits.empty()) return false;
  // This month's orders, partner prices and fill ratios: partnerships_to_end was their last
  // reader at this boundary.
  for (auto* a : {&w.fill_ratio, &w.export_fill, &w.sales_order, &w.partner_order,
                  &w.partner_price, &w.share_rate})
    release(*a);

  const auto old_space = w.net.space;
  const auto survivors = static_cast<std::uint32_t>(plan.survivors());
  const std::uint32_t new_smes = survivors + entrants;
  // Global remap: SMEs compacted; the other kinds shift by the change in SME count.
  std::vector<std::uint32_t> remap(old_space.total());
  for (std::uint32_t v = 0; v < old_space.smes; ++v) remap[v] = plan.old_to_new[v];
  for (std::uint32_t v = old_space.smes; v < old_space.total(); ++v) remap[v] = v - old_space.smes + new_smes;

  // A newcomer takes the place of firms that left (entry fills the room exits leave): it
  // holds a buyer's loyalty as the buyer's SMEs do on average, and its match is set so that,
  // at last month's offers, the buyer would give it its fair share: what keeps it at its
  // size, split over its channels. The logit totals read the SME store (joint marketing,
  // franchise brands) as well as the network and the offer arrays, all by the old ids, so
  // they are taken before the store is compacted.
  std::vector<double> log_total(w.buyer.size(), 0.0);
  for (std::uint32_t b = 0; b < w.buyer.size(); ++b)
    if (w.buyer.segment[b] == Segment::traditional)
      log_total[b] = log_choice_total(w, old_space.buyer_offset() + b, buyer_taste(w, b), w.buyer.budget[b]);

  // The places exits left (entry_places.hpp), read on the old ids like the totals above.
  EntryPlaces places = entry_places(w);
  compact_store(plan, w.sme, new_smes);
  plan = {};  // remap holds the SMEs' new ids from here
  auto space = old_space;
  space.smes = new_smes;

  // Entrants, in region and class order, with ids after the survivors.
  const EmploymentDistribution bands[3] = {EmploymentDistribution(1, 4, p.sme.workers_micro),
                                           EmploymentDistribution(5, 19, p.sme.workers_small),
                                           EmploymentDistribution(20, 99, p.sme.workers_medium)};
  // Trade ties join agents of the same product (products.hpp).
  std::vector<std::vector<std::uint32_t>> members(static_cast<std::size_t>(w.clusters));
  ProductPools traders(R), buyers(R);
  for (std::uint32_t m = 0; m < w.intermediary.size(); ++m) traders.add(w.intermediary.region[m], w.intermediary.product[m], m);
  // Newcomers start in the traditional market, the one segment without a quality floor.
  for (std::uint32_t b = 0; b < w.buyer.size(); ++b)
    if (w.buyer.segment[b] == Segment::traditional) buyers.add(w.buyer.region[b], w.buyer.product[b], b);
  // Spin-off parents: clustered survivors that made a profit last month, by cluster.
  std::vector<std::vector<std::uint32_t>> parents(static_cast<std::size_t>(w.clusters));
  for (std::uint32_t i = 0; i < survivors; ++i)
    if (w.sme.cluster[i] >= 0) {
      members[static_cast<std::size_t>(w.sme.cluster[i])].push_back(i);
      if (w.sme.profit[i] > 0.f) parents[static_cast<std::size_t>(w.sme.cluster[i])].push_back(i);
    }

  std::vector<SalesEdge> typical(w.buyer.size());
  for (std::uint32_t b = 0; b < w.buyer.size(); ++b) {
    double match = 0, loyalty = 0;
    std::size_t n = 0;
    w.net.sales.for_out(old_space.buyer_offset() + b, [&](std::uint32_t, std::uint32_t o, const SalesEdge& e) {
      if (o < old_space.smes) {
        match += e.match;
        loyalty += e.loyalty;
        ++n;
      }
    });
    if (n) typical[b] = SalesEdge{static_cast<float>(loyalty / double(n)), static_cast<float>(match / double(n))};
  }
  // The offers' last readers were the strategy ties and the buyers' logit totals above.
  for (auto* a : {&w.offer_price, &w.offer_quality, &w.offer_capacity}) release(*a);

  std::vector<NetworkLayer<SupplyEdge>::Edge> supply;
  std::vector<NetworkLayer<SalesEdge>::Edge> sales;
  std::vector<SocialLayer::Edge> social;
  const SocialEdge tie{static_cast<float>(p.social.trust_initial)};
  constexpr int entrant_buyers = 2;  // a newcomer without a place is seen by a couple of local buyers
  std::uint32_t i = survivors;
  for (std::size_t slot = 0; slot < w.pending_entrants.size(); ++slot) {
    const std::size_t r = slot / 3;
    const auto cls = static_cast<SizeClass>(slot % 3);
    for (std::uint32_t n = 0; n < w.pending_entrants[slot]; ++n, ++i) {
      RandomStream rng(p.seed, stream::entrant, w.next_uid, static_cast<std::uint64_t>(w.step), 0);
      // The n-th entrant of the slot takes the n-th place an exit left there, if any.
      const bool placed = n < places.count(slot);
      const std::size_t place = placed ? places.slot_start[slot] + n : 0;
      const SmeSite site{placed ? places.firm[place].cluster : -1, placed ? places.firm[place].product : std::uint8_t{0},
                         placed ? places.firm[place].expected_demand : 0.f, placed ? places.firm[place].employment : 0.f,
                         placed ? places.firm[place].productivity : 0.f};
      init_sme(w, i, static_cast<std::uint16_t>(r), cls, rng, bands, placed ? &site : nullptr);
      // A spin-off: a micro entrant of a cluster (the place it takes is in one, or, without a
      // place, it drew one) founded by people from a profitable firm of that cluster (Brenner;
      // Zhang). It takes part of what the parent knows of the market and keeps a trusted tie
      // to it. It does not move into the cluster: an entrant that took an unclustered place
      // and joined a cluster as a spin-off raised the clustered share of firms by 1.4 points
      // a year in the baseline (docs/model.md §7.12).
      const auto cluster = w.sme.cluster[i];
      if (cls == SizeClass::micro && cluster >= 0 && !parents[static_cast<std::size_t>(cluster)].empty()) {
        const auto& founders = parents[static_cast<std::size_t>(cluster)];
        RandomStream spin(p.seed, stream::spinoff, w.sme.uid[i], static_cast<std::uint64_t>(w.step), 0);
        if (spin.bernoulli(p.sme.spinoff_share)) {
          const auto parent = founders[spin.below(founders.size())];
          w.sme.information[i] = std::max(w.sme.information[i],
                                          static_cast<float>(p.sme.spinoff_information) * w.sme.information[parent]);
          w.sme.information_next[i] = w.sme.information[i];
          const SocialEdge kin{static_cast<float>(std::min(1.0, p.social.trust_initial + 0.2))};
          social.push_back({i, parent, kin});
          social.push_back({parent, i, kin});
          ++w.spinoffs_this_step;
        }
      }
      // A formal entrant pays the region's licence fee and waits for its licence.
      if (!w.sme.informal[i]) {
        w.sme.net_worth[i] -= w.region.licence_fee[r];
        w.region.fees_collected[r] += w.region.licence_fee[r];
        w.sme.licence_wait[i] = static_cast<std::uint8_t>(std::clamp(std::llround(w.region.licence_delay[r]), 0LL, 255LL));
      }
      // Its ties: those of the place it takes, with the orders that went there (entry_places.hpp),
      // or (spin-offs, entrants beyond the places left) one local trader and a couple of local
      // traditional buyers at random, carrying what keeps the newcomer at its size as the
      // starting ties do (initial_budgets.cpp): capacity / (1 + buffer) over its channels,
      // through the filter for the trader's weight, and for a buyer a match set so that, at
      // last month's offers, it would spend that much on the newcomer.
      const double price = (1.0 + double(w.sme.markup[i])) * double(sme_unit_cost(w, r));
      const double capacity = double(w.sme.productivity[i]) * w.sme.employment[i];
      const bool takes_place = placed &&
                               (places.trader_start[place + 1] > places.trader_start[place] ||
                                places.buyer_start[place + 1] > places.buyer_start[place]);
      if (takes_place) {
        // What it will offer in its first month, as its predecessor did: min(capacity, E·(1 + buffer)).
        const double offered = std::min(capacity, double(w.sme.expected_demand[i]) * (1.0 + p.sme.output_buffer));
        for (auto k = places.trader_start[place]; k < places.trader_start[place + 1]; ++k)
          supply.push_back({space.intermediary_offset() + places.traders[k].trader, i, places.traders[k].edge});
        for (auto k = places.buyer_start[place]; k < places.buyer_start[place + 1]; ++k) {
          const auto b = places.buyers[k].buyer;
          SalesEdge e = places.buyers[k].edge;
          e.match = static_cast<float>(inherited_match(buyer_taste(w, b), p.buyers.capacity_weight, places.firm[place], e,
                                                       price, w.sme.quality[i], offered));
          sales.push_back({space.buyer_offset() + b, i, e});
        }
      } else {
        const double theta = signal_share(w, i);
        const auto& my_traders = traders.local_or_national(r, w.sme.product[i]);
        const auto& my_buyers = buyers.local_or_national(r, w.sme.product[i]);
        const double channels = (my_traders.empty() ? 0.0 : 1.0) + (my_buyers.empty() ? 0.0 : entrant_buyers);
        const double per_channel = channels > 0 ? capacity / (1.0 + p.sme.output_buffer) / channels : 0.0;
        if (!my_traders.empty())
          supply.push_back({space.intermediary_offset() + my_traders[rng.below(my_traders.size())], i,
                            {static_cast<float>(per_channel / theta)}});
        for (int k = 0; k < entrant_buyers && !my_buyers.empty(); ++k) {
          const auto b = my_buyers[rng.below(my_buyers.size())];
          SalesEdge e = typical[b];
          const BuyerTaste t = buyer_taste(w, b);
          const double share = w.buyer.budget[b] > 0 ? std::min(0.5, per_channel * price / w.buyer.budget[b]) : 0.0;
          if (share > 0) {
            const double util = -t.price_weight * std::log(price) + t.quality_weight * w.sme.quality[i] +
                                p.buyers.loyalty_weight * e.loyalty + p.buyers.capacity_weight * std::log(capacity / entrant_buyers);
            // exp(util + match) / (total + exp(util + match)) = share
            e.match = static_cast<float>(std::log(share / (1.0 - share)) + log_total[b] - util);
          }
          sales.push_back({space.buyer_offset() + b, i, e});
        }
      }
      if (w.sme.cluster[i] >= 0) {
        const auto& mates = members[static_cast<std::size_t>(w.sme.cluster[i])];
        const auto ties = static_cast<std::size_t>(p.social.ties_per_clustered_sme / 2.0);
        for (std::size_t k = 0; k < ties && !mates.empty(); ++k) {
          const auto j = mates[rng.below(mates.size())];
          social.push_back({i, j, tie});
          social.push_back({j, i, tie});
        }
      }
    }
    w.pending_entrants[slot] = 0;
  }
  w.entries_this_step = entrants;
  places = {};  // freed before the layers are rebuilt (the boundary's peak of memory)
  for (const auto& t : strategy_ties) sales.push_back({space.buyer_offset() + t.buyer, t.sme, t.edge});
  w.strategy_ties_this_step = static_cast<std::int64_t>(strategy_ties.size());
  for (const auto& v : visits) supply.push_back({space.intermediary_offset() + v.trader, v.sme, v.edge});
  w.trader_visits_this_step = static_cast<std::int64_t>(visits.size());

  const auto keep = [](std::uint32_t) { return true; };
  w.net.space = space;
  const auto V = space.total();
  w.net.supply.rebuild(V, remap, keep, supply);
  w.net.sales.rebuild(V, remap, keep, sales);
  const auto formed = form_partnerships(w, scheduler, old_space, remap, space, ended);
  w.net.partnership.rebuild(V, remap, [&](std::uint32_t e) { return !ended[e]; }, formed);
  w.net.social.rebuild(V, remap, keep, social);
  return true;
}

}  // namespace

void compact_and_enter(World& w, Scheduler& scheduler) {
  if (compact_enter_and_rebuild(w, scheduler)) size_month_arrays(w);
}

void swap_information(World& w, Scheduler& scheduler) {
  auto& s = w.sme;
  scheduler.for_each(s.size(), [&](std::size_t i) { s.information[i] = s.information_next[i]; });
}

}  // namespace sentra::cluster
