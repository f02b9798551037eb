#pragma once
// The layered trade network. All layers share one vertex space, laid out by kind:
//   [ SMEs | intermediaries | buyers | big firms ]
// Edges point from the agent who acts on the edge to the agent acted upon:
//   sales:       buyer -> seller (SME, intermediary or big firm): the buyer can see the offer
//   supply:      intermediary -> SME: the trader buys from that SME
//   partnership: big firm -> SME, with a pattern and linkage types
//   social:      SME -> SME inside a cluster, both directions stored; trust is the source's
#include <cstdint>
#include <vector>

#include "engine/network_layer.hpp"

namespace sentra::cluster {

struct SalesEdge {
  float loyalty = 0.f;  // J_bi: buyer's learned attachment to this seller
  // How well this seller's goods fit this buyer, beyond price, quality and loyalty: a fixed
  // alternative-specific constant of the logit, calibrated at the start so the initial
  // market clears (initial_budgets.cpp); a new tie gets the buyer's mean fit.
  float match = 0.f;
};
// The trader's relationship with a supplier: the share of the trader's orders it places with
// this SME, in units of capacity at the time the tie formed. Orders follow the relationship,
// not the SME's current size, so an SME that shrinks does not lose its customers for that
// alone (which would spiral) and one that grows does not gain them for that alone.
struct SupplyEdge {
  float weight = 0.f;
};
enum class PartnershipPattern : std::uint8_t {
  nucleus_plasma = 0, subcontracting = 1, general_trade = 2, agency = 3, franchise = 4
};
// Linkage types (bit flags), as counted in the 1994 survey the study cites.
enum Linkage : std::uint8_t {
  linkage_marketing = 1, linkage_capital = 2, linkage_production = 4,
  linkage_raw_material = 8, linkage_management = 16
};
struct PartnershipEdge {
  PartnershipPattern pattern = PartnershipPattern::general_trade;
  std::uint8_t linkages = 0;
  float quantity = 0.f;  // units per month of the contract (agency: the big firm's goods the SME sells)
  float trust = 0.5f;    // the big firm's trust in its partner (partnership_patterns.hpp)
};
struct SocialEdge {
  float trust = 0.5f;
};

// Out-edges only: every tie is stored in both directions and read from its source (trust is
// the source's), so in-edge arrays would cost 8 bytes per tie and 4 per vertex for nothing.
using SocialLayer = NetworkLayer<SocialEdge, boost::directedS>;

struct VertexSpace {
  std::uint32_t smes = 0, intermediaries = 0, buyers = 0, big_firms = 0;
  std::uint32_t intermediary_offset() const { return smes; }
  std::uint32_t buyer_offset() const { return smes + intermediaries; }
  std::uint32_t big_firm_offset() const { return smes + intermediaries + buyers; }
  std::uint32_t total() const { return smes + intermediaries + buyers + big_firms; }
};

struct Network {
  VertexSpace space;
  NetworkLayer<SalesEdge> sales;
  NetworkLayer<SupplyEdge> supply;
  NetworkLayer<PartnershipEdge> partnership;
  SocialLayer social;

  std::size_t edges() const {
    return sales.edges() + supply.edges() + partnership.edges() + social.edges();
  }
};

}  // namespace sentra::cluster
