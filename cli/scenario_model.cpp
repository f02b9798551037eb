#include "cli/scenario_model.hpp"

#include "cli/aggregate_columns.hpp"
#include "models/cluster/scenario_schema.hpp"

namespace sentra::cli {

experiments::ScenarioModel cluster_scenario_model() {
  experiments::ScenarioModel model;
  model.keys = &cluster::scenario_schema().declarations();
  model.load = [](const std::string& path, const std::vector<std::string>& overrides) {
    const auto loaded = cluster::load_scenario(path, overrides);
    experiments::ScenarioFacts facts;
    facts.name = loaded.value.name;
    facts.steps = loaded.value.steps;
    facts.seed = loaded.value.seed;
    for (const auto& c : aggregate_columns(loaded.value)) facts.series.push_back(c.name);
    return facts;
  };
  return model;
}

void refuse_experiment_file(const std::string& path, const std::string& command) {
  if (const auto mark = experiments::experiment_kind_mark(path))
    throw config::ConfigError({{*mark, "kind",
                                "expected scenario (sentra " + command + " takes scenario files; an experiment file runs "
                                "with sentra sweep " + path + "), got experiment"}});
}

}  // namespace sentra::cli
