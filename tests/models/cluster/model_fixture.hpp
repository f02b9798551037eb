#pragma once
// Shared helpers of the model tests: a small world's parameters from the real schema
// defaults plus overrides, exactly as a scenario file with --set would give them.
#include <string>
#include <vector>

#include "models/cluster/scenario_schema.hpp"

namespace sentra::cluster::testing {

inline Params small_params(std::vector<std::string> overrides = {}) {
  config::LoadOptions opts;
  opts.overrides = {"world.regions=3", "world.smes=1500", "world.intermediaries=15", "world.buyers=150",
                    "world.big_firms=2", "steps=12", "big_firms.partnered_share_micro=0.02"};
  opts.overrides.insert(opts.overrides.end(), overrides.begin(), overrides.end());
  return config::load_text(scenario_schema(), "<test>", "schema_version: 1\nname: test\n", opts).value;
}

}  // namespace sentra::cluster::testing
