// `sentra run`: scenario file -> validated parameters -> simulation -> HDF5 run file.
// Also `sentra validate` (scenario and experiment files) and `sentra schema`.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>

#include "cli/commands.hpp"
#include "cli/interrupt.hpp"
#include "cli/large_blocks.hpp"
#include "cli/output_target.hpp"
#include "cli/progress.hpp"
#include "cli/run_info.hpp"
#include "cli/scenario_model.hpp"
#include "cli/snapshot_due.hpp"
#include "cli/summary.hpp"
#include "engine/config/docs.hpp"
#include "experiments/design.hpp"
#include "experiments/experiment_loader.hpp"
#include "models/cluster/scenario_schema.hpp"
#include "models/cluster/simulation.hpp"
#include "models/cluster/step_plan.hpp"
#include "output/run_writer.hpp"

namespace sentra::cli {

namespace {

}  // namespace

int run_command(const RunOptions& o) {
  give_large_blocks_back();
  std::vector<std::string> sets = o.sets;
  if (o.seed) sets.push_back("seed=" + std::to_string(*o.seed));
  if (o.steps) sets.push_back("steps=" + std::to_string(*o.steps));
  refuse_experiment_file(o.scenario, "run");
  auto loaded = cluster::load_scenario(o.scenario, sets);  // ConfigError -> exit 2 in main
  const auto& params = loaded.value;

  const std::filesystem::path target =
      o.out.empty() ? std::filesystem::path("results") / (params.name + ".h5") : std::filesystem::path(o.out);
  if (const auto problem = output_target_problem(target, {o.scenario})) {
    std::cerr << "sentra run: " << *problem << "\n";
    return exit_invalid;
  }
  if (target.has_parent_path()) {
    std::error_code ec;
    std::filesystem::create_directories(target.parent_path(), ec);
    if (ec) {
      std::cerr << "sentra: cannot create output folder " << target.parent_path() << ": " << ec.message() << "\n";
      return exit_failure;
    }
  }

  install_interrupt_handlers();
  const auto built = std::chrono::steady_clock::now();
  cluster::Simulation sim(params, o.threads);

  output::RunWriter writer(target, run_info(loaded, o.command_line, sim.threads()),
                           output::options_for_steps(params.steps));

  if (!o.quiet)
    std::cerr << "sentra: " << params.name << ": " << params.world.smes << " SMEs, " << params.steps
              << " months, " << sim.threads() << " threads -> " << target.string() << "\n";
  Progress progress(params.name, params.steps, o.quiet);
  std::optional<StepObservation> first;
  StepObservation last;
  for (std::int64_t t = 0; t < params.steps; ++t) {
    if (interrupted()) {
      progress.finish();
      std::cerr << "sentra: interrupted after month " << t << " of " << params.steps << "; no result written ("
                << target.string() << " is unchanged)\n";
      return exit_interrupted;
    }
    sim.step();
    last = sim.observe(snapshot_due(params.output.snapshot_every, t, params.steps),
                       snapshot_due(params.output.network_every, t, params.steps));
    writer.write_step(last);
    if (!first) {
      first = last;
      first->agents.clear();
      first->network.clear();
    }
    progress.update(t + 1);
  }
  progress.finish();
  if (interrupted()) {
    std::cerr << "sentra: interrupted at the end; no result written\n";
    return exit_interrupted;
  }
  std::vector<output::EventRecord> events;
  for (const auto& e : sim.world().applied_events) events.push_back({e.step, e.key, e.region, e.value});
  writer.write_events(events);
  writer.commit();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - built).count();
  if (!o.quiet) {
    std::cout << summary_table(*first, last);
    std::printf("wrote %s (%lld months in %.1f s)\n", target.string().c_str(), static_cast<long long>(params.steps),
                seconds);
  }
  return exit_ok;
}

int validate_command(const std::vector<std::string>& files, const std::vector<std::string>& sets, bool quiet) {
  int status = exit_ok;
  for (const auto& f : files) {
    try {
      if (experiments::is_experiment_file(f)) {
        if (!sets.empty()) {
          std::cerr << "sentra validate: --set applies to scenario files, not to the experiment file " << f << "\n";
          status = exit_invalid;
          continue;
        }
        const auto ex = experiments::load_experiment(f, cluster_scenario_model());
        const auto design = experiments::make_design(ex);
        if (!quiet)
          std::cout << f << ": ok (experiment " << ex.name << ": " << experiments::design_name(ex.design.type)
                    << " design, " << design.points.size() << " points x " << ex.replications << " replicates = "
                    << design.points.size() * ex.replications << " runs)\n";
        continue;
      }
      const auto loaded = cluster::load_scenario(f, sets);
      if (!quiet) std::cout << f << ": ok (" << loaded.value.name << ")\n";
    } catch (const config::ConfigError& e) {
      std::cerr << e.what() << "\n";
      status = exit_invalid;
    }
  }
  return status;
}

int schema_command(const std::string& format) {
  if (format == "phases") {
    cluster::World empty;  // the plan's description needs no state
    std::cout << cluster::make_step_plan(empty).describe();
  } else if (format == "json") {
    std::cout << config::to_json_schema(cluster::scenario_schema(), "scenario.v1.json");
  } else {
    std::cout << config::to_markdown(cluster::scenario_schema());
  }
  return exit_ok;
}

}  // namespace sentra::cli
