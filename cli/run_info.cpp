#include "cli/run_info.hpp"

#include "cli/git_commit.hpp"
#include "cli/version.hpp"
#include "output/provenance_values.hpp"

namespace sentra::cli {

output::RunInfo run_info(const config::Loaded<cluster::Params>& loaded, const std::string& command_line, int threads) {
  const cluster::Params& params = loaded.value;
  output::RunInfo info;
  info.program_version = program_version;
  info.git_commit = git_commit();
  info.scenario_name = params.name;
  info.scenario_yaml = loaded.given_text;
  info.resolved_yaml = loaded.resolved_yaml;
  info.command_line = command_line;
  info.seed = params.seed;
  info.threads = threads;
  info.created_utc = output::utc_now_iso8601();
  for (std::int64_t r = 0; r < params.world.regions; ++r) info.region_names.push_back("region_" + std::to_string(r));
  info.library_versions = {{"yaml-cpp", yaml_cpp_version}};
  return info;
}

}  // namespace sentra::cli
