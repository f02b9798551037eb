#pragma once
// The cluster model as an experiment file sees it (experiments::ScenarioModel): its scenario
// keys, and a scenario's name, length, seed and aggregate series once loaded and checked.
// `sentra sweep` and `sentra validate` read experiment files through it.
#include "experiments/experiment_loader.hpp"

namespace sentra::cli {

experiments::ScenarioModel cluster_scenario_model();

// Throws config::ConfigError with one message when `path` is an experiment file, which
// `command` (run, compare, calibrate) cannot take: rather than a dozen "unknown key" lines,
// it says to use `sentra sweep`.
void refuse_experiment_file(const std::string& path, const std::string& command);

}  // namespace sentra::cli
