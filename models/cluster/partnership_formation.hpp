#pragma once
// New partnerships between big firms and SMEs, formed at the yearly boundary.
#include <cstdint>
#include <span>
#include <vector>

#include "engine/scheduler.hpp"
#include "models/cluster/world.hpp"

namespace sentra::cluster {

// Which partnerships end at this boundary (one flag per partnership edge, old edge ids),
// called by compact_and_enter before it compacts anything. The big firm ends one whose trust
// is below partnership.trust_min, and drops a subcontractor whose trust is below
// partnership.holdup_trust when its ask is above the mean ask of its region (a cheaper bid
// exists: hold-up). The SME ends one whose terms fail: a buying pattern paying less than its
// unit cost last month, or a franchise while its last month's profit was negative.
std::vector<std::uint8_t> partnerships_to_end(const World& w);

// Called by compact_and_enter once the SME store is compacted and entrants added, while the
// partnership layer still has the old vertex ids (old_space; old_to_new maps old to new,
// removed_id for exited firms). For each size class, each big firm short of its target
// (partners of that class at the start × big_firms.partnership_programme) screens
// big_firms.partner_candidates unpartnered SMEs of the class per partner it seeks, scores
// them (quality + productivity / mean productivity of those screened) and offers contracts
// to the best. Offers travel as messages, delivered to each SME in (SME, big firm, rank)
// order; an SME without a partner considers the best offer and accepts it unless its terms
// fail (as in partnerships_to_end). Partnerships flagged in `ended` count as lost; their SMEs
// are not candidates at this boundary. Returns the new edges in new vertex ids, ordered by SME.
std::vector<NetworkLayer<PartnershipEdge>::Edge> form_partnerships(const World& w, Scheduler& scheduler,
                                                                   const VertexSpace& old_space,
                                                                   std::span<const std::uint32_t> old_to_new,
                                                                   const VertexSpace& new_space,
                                                                   std::span<const std::uint8_t> ended);

}  // namespace sentra::cluster
