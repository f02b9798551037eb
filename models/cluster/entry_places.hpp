#pragma once
// Entry fills the room exits leave, where they left it. At a compaction boundary every firm
// that exited since the last one leaves a place: its region and size class, its product and
// cluster, its workers and their productivity (the premises and equipment), the traders it
// supplied and the buyers who saw it. The entrants of a region and class take those places
// in order (the first entrant the place of the exited firm with the lowest id, and so on)
// and with them the orders that went there: a trader tie keeps its weight, a buyer tie its
// loyalty, and its match moves by whatever the newcomer's offer differs from its
// predecessor's last one (the newcomer brings its own mark-up, quality, net worth,
// information and licence), so each trader and buyer splits its orders as before the exit.
// A spin-off takes a place too, in its parent's cluster. Entrants beyond the places left
// (entry_rate, Poisson draws above the exits), and all entrants when
// sme.entry_replaces_class is off, set up at random.
//
// Why: with entrants attached at random, the orders an exit leaves went to whichever
// survivors shared its traders and buyers, each firm's orders random-walked from year to
// year, firms crossed into the next class by luck and the size distribution spread without
// end: over ten years the small class went from 1.0% to 4.8% of units (docs/model.md §7.12).
#include <cstdint>
#include <vector>

#include "models/cluster/buyer_utility.hpp"
#include "models/cluster/world.hpp"

namespace sentra::cluster {

struct EntryPlaces {
  // Place k of slot s = region·3 + class lies at slot_start[s] + k, k < count(s).
  std::vector<std::uint32_t> slot_start;
  // Per place: what the exited firm was and offered when it left.
  struct Firm {
    std::uint8_t product;
    std::int32_t cluster;
    float price, quality, capacity;  // its last offer: asking price, quality, units min(A·L, E·(1 + buffer))
    float expected_demand, employment, productivity;
    float extra_utility;             // what joint marketing's visibility and a franchise brand added
  };
  std::vector<Firm> firm;
  // Place p's ties: traders[trader_start[p] .. trader_start[p+1]), buyers[buyer_start[p] .. buyer_start[p+1]).
  struct TraderTie {
    std::uint32_t trader;  // intermediary index
    SupplyEdge edge;
  };
  struct BuyerTie {
    std::uint32_t buyer;  // buyer index
    SalesEdge edge;
  };
  std::vector<std::uint32_t> trader_start, buyer_start;
  std::vector<TraderTie> traders;
  std::vector<BuyerTie> buyers;

  std::uint32_t count(std::size_t slot) const { return slot_start[slot + 1] - slot_start[slot]; }
};

// The places of the firms that exited since the last boundary (alive == 0), read on the old
// ids: call it before the SME store is compacted. Classes as in draw_entry (boundary.hpp):
// the class at exit, or micro for all when sme.entry_replaces_class is off.
EntryPlaces entry_places(const World& w);

// The match a newcomer gets on a tie it takes over, so that a buyer's utility of its offer
// equals what the predecessor's last offer had (same price tariff, same buyers seeing it).
// (Price here is the asking price; the tariff factor of export buyers cancels.)
double inherited_match(const BuyerTaste& taste, double capacity_weight, const EntryPlaces::Firm& before, const SalesEdge& tie,
                       double price, double quality, double capacity);

}  // namespace sentra::cluster
