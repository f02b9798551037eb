#pragma once
// Reading an experiment file (`kind: experiment`, docs/experiments.md "Sweeps and
// sensitivity") into an Experiment, with the scenario loader's error quality: every problem
// found, each as `file:line:col: key.path: expected ..., got ...`, unknown keys with a
// "did you mean", thrown together as one config::ConfigError.
//
// Factors are checked against the model's own key declarations: a factor must name a
// numeric scenario key, and each of its levels (min, max, every listed value, every value
// of a list design) goes through the same conversion and range check as `--set key=value`,
// reported at its place in the experiment file. The scenarios are loaded too (with the
// experiment's steps), so a broken scenario is reported before any run.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/config/diagnostic.hpp"
#include "engine/config/key_spec.hpp"
#include "experiments/experiment.hpp"

namespace sentra::experiments {

// What the experiment needs to know of a scenario, from the model.
struct ScenarioFacts {
  std::string name;
  std::int64_t steps = 0;
  std::uint64_t seed = 0;
  std::vector<std::string> series;  // the aggregate series a run reports (outcomes reduce these)
};

// The model side, so this code stays independent of any one model.
struct ScenarioModel {
  const config::Declarations* keys = nullptr;  // the scenario schema
  // Loads and validates a scenario file with `--set` overrides; throws config::ConfigError.
  std::function<ScenarioFacts(const std::string& path, const std::vector<std::string>& overrides)> load;
};

// Design points and runs an experiment may ask for: beyond these a mistake is likelier
// than a plan (a million points of the small workshop world already take hours).
inline constexpr std::size_t max_design_points = 1'000'000;
inline constexpr std::size_t max_runs = 10'000'000;

// Throws config::ConfigError with every problem found.
Experiment load_experiment(const std::string& path, const ScenarioModel& model);

// True when `path` is readable YAML whose top level says `kind: experiment`: how `sentra
// validate` tells experiment files from scenario files. Anything unreadable is "no".
bool is_experiment_file(const std::string& path);
// The same test, giving where the file says `experiment` (for a message), or nothing.
std::optional<config::Mark> experiment_kind_mark(const std::string& path);

}  // namespace sentra::experiments
