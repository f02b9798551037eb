#pragma once
// The one declaration of every scenario key of the cluster-competition model: type, default,
// unit, range, description. From it come the validator, docs/scenario-reference.md and
// scenarios/schema/scenario.v1.json (`sentra schema`).
#include <string>

#include "engine/config/loader.hpp"
#include "engine/config/schema.hpp"
#include "models/cluster/params.hpp"

namespace sentra::cluster {

const config::Schema<Params>& scenario_schema();

// Loads, merges (extends), overrides (--set) and validates a scenario file, then runs the
// model's own cross-key checks (timeline regions and steps, memory the world would need).
// Throws config::ConfigError listing every problem.
config::Loaded<Params> load_scenario(const std::string& path,
                                     const std::vector<std::string>& overrides = {});

// The same for a file read and parsed once (config::parse_file): a sweep's runs load their
// scenario this way, each with its own overrides.
config::Loaded<Params> load_scenario(const config::ParsedFile& parsed, const std::vector<std::string>& overrides = {});

}  // namespace sentra::cluster
