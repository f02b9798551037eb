#pragma once
// An experiment: what `sentra sweep` runs, as read from an experiment file (`kind:
// experiment`, experiment_loader.hpp). It names one scenario (or a list of them: a
// "scenario" factor), the factors to vary (scenario keys with a range or a list of values,
// each an uncertainty or a lever, kept apart as in the EMA Workbench), a design that turns
// them into points, the outcomes (reductions of aggregate series), replicates and seeds.
// Plain data: no model, no files beyond the names of the scenarios.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/config/diagnostic.hpp"
#include "experiments/outcome.hpp"

namespace sentra::experiments {

// Uncertainties are what the world might be; levers are what a region or the state can
// choose. The distinction travels to the runs table for robust-decision analyses.
enum class FactorRole { uncertainty, lever };
const char* role_name(FactorRole role);

struct Factor {
  std::string key;  // scenario key path, e.g. social.trust_initial
  FactorRole role = FactorRole::uncertainty;
  bool integer = false;    // the key holds integers: values are rounded to the nearest one
  bool has_range = false;  // a range (min, max) rather than a list of values
  double min = 0;
  double max = 0;
  std::vector<double> values;  // the list, when !has_range
  std::string unit;            // from the key's declaration
  std::string description;
  config::Mark mark;           // where the factor is written in the experiment file

  // The factor's value at u in [0, 1] of a unit design (Latin hypercube, Sobol, Morris):
  // min + u (max - min) for a range, the value in slot floor(u n) of a list of n.
  double at(double u) const;
  // Level i of n evenly spaced levels of a range (min, ..., max), or value i of a list.
  double level(std::size_t i, std::size_t n) const;
  // How a value is written for the scenario loader (`--set` syntax, exact): 0.3, 2000.
  std::string text(double value) const;
};

enum class DesignType { full_factorial, list, latin_hypercube, sobol, morris };
const char* design_name(DesignType type);
const std::vector<std::string>& design_names();

struct DesignSpec {
  DesignType type = DesignType::full_factorial;
  std::size_t levels = 0;        // full_factorial: levels of each range; morris: grid levels p
  std::size_t samples = 0;       // latin_hypercube: points; sobol: N (N (k + 2) points)
  std::size_t trajectories = 0;  // morris: r (r (k + 1) points)
  std::size_t resamples = 0;     // sobol: bootstrap resamples for the intervals
  std::uint64_t seed = 1;        // latin_hypercube, morris, and sobol's bootstrap
  // list: the points as written, one value per factor (in factor order) and a scenario.
  struct Point {
    std::size_t scenario = 0;
    std::vector<double> values;
  };
  std::vector<Point> points;
};

struct ScenarioRef {
  std::string written;  // as in the experiment file
  std::string path;     // relative to the working directory
  std::string name;     // the scenario's own name
};

struct Experiment {
  std::string file;  // as given
  std::string text;  // the file's text
  std::string name;
  std::string description;
  std::vector<ScenarioRef> scenarios;  // one, or the scenario factor's levels
  bool scenario_factor = false;        // written as `scenarios:` (a list)
  std::vector<Factor> factors;
  DesignSpec design;
  std::vector<SeriesReduction> outcomes;
  std::size_t replications = 1;
  std::uint64_t seed = 0;   // base seed: replicate r runs with seed + r at every design point
  std::int64_t steps = 0;   // months of every run
  bool steps_given = false; // `steps:` written (then every run gets --set steps=N)
  // Agent and network snapshots in each run file (`output: {snapshot_every, network_every}`,
  // the scenario keys output.*, set for every run). 0 by default: hundreds of runs rarely
  // need agent-level data, and a small world's snapshots take far longer to write than to
  // simulate.
  std::int64_t snapshot_every = 0;
  std::int64_t network_every = 0;
};

// The `--set` overrides every run of the experiment gets besides its design point's values
// and seed: steps (when the experiment sets them) and the output keys.
std::vector<std::string> common_overrides(const Experiment& experiment);

// The experiment with every default filled in, as YAML the loader reads back: the record
// of what a sweep ran (DIR/experiment.yaml). Scenario paths are written relative to
// `folder`, the folder the text is saved in, so the saved file loads from there.
std::string resolved_yaml(const Experiment& experiment, const std::string& folder);

// Whether two resolved_yaml texts describe the same experiment wherever their folders are:
// scenario paths are compared by file name only, since a results folder that was moved or
// copied sees its scenarios by other relative paths. (What a scenario holds is checked run
// by run: a finished run is kept only if its seed and resolved scenario are the same.)
bool same_experiment(const std::string& resolved_a, const std::string& resolved_b);

}  // namespace sentra::experiments
