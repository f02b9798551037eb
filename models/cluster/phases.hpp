#pragma once
// The behaviour of one month, as phases. Each is a parallel sweep over one agent kind that
// writes only that agent's own slots (and its own out-edges' per-edge values) and reads
// what earlier phases wrote. The order, and what each reads and writes, is in step_plan.cpp.
#include "engine/scheduler.hpp"
#include "models/cluster/world.hpp"

namespace sentra::cluster {

void sme_plan(World& w, const PhaseContext& ctx);             // production.cpp
void big_firm_plan(World& w, const PhaseContext& ctx);        // production.cpp
void intermediary_quote(World& w, const PhaseContext& ctx);   // intermediation.cpp
void buyer_choice(World& w, const PhaseContext& ctx);         // buyer_choice.cpp
void intermediary_order(World& w, const PhaseContext& ctx);   // intermediation.cpp
void big_firm_order(World& w, const PhaseContext& ctx);       // big_firms.cpp
void sme_settle(World& w, const PhaseContext& ctx);           // sme_settlement.cpp
void intermediary_settle(World& w, const PhaseContext& ctx);  // intermediation.cpp
void big_firm_settle(World& w, const PhaseContext& ctx);      // big_firms.cpp
void buyer_settle(World& w, const PhaseContext& ctx);         // buyer_choice.cpp
void social_ties(World& w, const PhaseContext& ctx);          // social_ties.cpp

// Transport cost per unit in a region: falls with its infrastructure.
inline float transport_cost(const World& w, std::size_t region) {
  return static_cast<float>(w.params.sme.transport_cost) / (1.f + w.region.infrastructure[region]);
}

}  // namespace sentra::cluster
