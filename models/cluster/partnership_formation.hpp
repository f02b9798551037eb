#pragma once
// New partnerships between big firms and SMEs, formed at the yearly boundary.
#include <cstdint>
#include <span>
#include <vector>

#include "engine/scheduler.hpp"
#include "models/cluster/world.hpp"

namespace sentra::cluster {

// Called by compact_and_enter once the SME store is compacted and entrants added, while the
// partnership layer still has the old vertex ids (old_space; old_to_new maps old to new,
// removed_id for exited firms). For each size class, each big firm short of its target
// (partners of that class at the start × big_firms.partnership_programme) screens
// big_firms.partner_candidates unpartnered SMEs of the class per partner it seeks, scores
// them (quality + productivity / mean productivity of those screened) and offers contracts
// to the best. Offers travel as messages, delivered to each
// SME in (SME, big firm, rank) order; an SME without a partner takes the best offer (a
// contract only adds orders at its own price, so it beats having none). Returns the new
// edges in new vertex ids, ordered by SME.
std::vector<NetworkLayer<PartnershipEdge>::Edge> form_partnerships(const World& w, Scheduler& scheduler,
                                                                   const VertexSpace& old_space,
                                                                   std::span<const std::uint32_t> old_to_new,
                                                                   const VertexSpace& new_space);

}  // namespace sentra::cluster
