#pragma once
// The cluster model as an experiment file sees it (experiments::ScenarioModel): its scenario
// keys, and a scenario's name, length, seed and aggregate series once loaded and checked.
// `sentra sweep` and `sentra validate` read experiment files through it.
#include "experiments/experiment_loader.hpp"

namespace sentra::cli {

experiments::ScenarioModel cluster_scenario_model();

}  // namespace sentra::cli
