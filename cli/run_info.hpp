#pragma once
// What a run file says about where it came from (output::RunInfo), filled the same way by
// `sentra run` and by every run of `sentra sweep`.
#include <string>

#include "engine/config/loader.hpp"
#include "models/cluster/params.hpp"
#include "output/run_writer.hpp"

namespace sentra::cli {

// Program and library versions, the scenario as given and resolved, the command line, seed,
// threads, creation time and region names.
output::RunInfo run_info(const config::Loaded<cluster::Params>& loaded, const std::string& command_line, int threads);

}  // namespace sentra::cli
