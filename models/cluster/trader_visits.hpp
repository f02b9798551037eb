#pragma once
// Traders' visits to clusters (MODEL_NOTES, Intermediaries: "Intermediaries choose which SMEs
// to visit in proportion to N_c^0.5·SC_c, minus a congestion term"; Weijland 1999: social
// capital lowers transaction costs and so attracts traders, and the marketing advantage fades
// as clusters become overcrowded).
//
// At each compaction boundary (yearly by default), a trader whose buyers ordered more than it
// delivered last month has demand to spare; with chance intermediaries.visit_rate ×
// compact_every/12 it visits one cluster of its product in its region, chosen with weight
//   w_c = N_c^0.5 · SC_c · max(0, 1 − congestion_c),
//   congestion_c = (trader ties into c's live members / N_c) / intermediaries.visit_congestion,
// (N_c: live members now; SC_c: bonding social capital at the latest review), and takes on a
// member it does not yet buy from as a supplier: a supply edge whose weight is what the
// member's capacity carries per channel, as an entrant's tie (capacity / (1 + buffer) over its
// channels with the new one, through the filter theta). Congestion counts the visits already
// made at this boundary. More trader ties raise the member's other channels n_alt and so lower
// the margins every trader keeps on its goods (trader_margin, phases.hpp).
#include <cstdint>
#include <vector>

#include "models/cluster/network.hpp"
#include "models/cluster/world.hpp"

namespace sentra::cluster {

// w_c for a cluster of `members` live firms, social capital `social_capital` and
// `trader_ties` supply ties into its members; 0 for an empty cluster.
double visit_weight(double members, double social_capital, double trader_ties, double congestion);

struct VisitTie {
  std::uint32_t trader;  // index among traders
  std::uint32_t sme;     // new (compacted) id
  SupplyEdge edge;
};

// The visits of this boundary, read on the old ids before compaction (old_to_new maps SMEs).
// Serial, in trader order. Draws: stream trader_visit, keyed by the trader's index, at (step, 0).
std::vector<VisitTie> trader_visits(const World& w, const std::vector<std::uint32_t>& old_to_new);

}  // namespace sentra::cluster
