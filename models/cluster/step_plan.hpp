#pragma once
#include "engine/scheduler.hpp"
#include "models/cluster/world.hpp"

namespace sentra::cluster {

// The month's phases in order, bound to `w` (which must outlive the plan).
StepPlan make_step_plan(World& w);

}  // namespace sentra::cluster
