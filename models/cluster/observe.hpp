#pragma once
// What the model reports after each month, as column tables (engine/table.hpp): national
// aggregates, per-region series, and on request agent snapshots and network edge lists.
// Sums over agents use deterministic reductions, so reports are bit-identical at any
// thread count.
#include "engine/scheduler.hpp"
#include "engine/table.hpp"
#include "models/cluster/world.hpp"

namespace sentra::cluster {

StepObservation observe(const World& w, Scheduler& scheduler, bool agents, bool network);

}  // namespace sentra::cluster
