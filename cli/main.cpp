// sentra: command-line entry point. Parses arguments (CLI11), dispatches to a subcommand and
// maps failures to exit codes: 0 success, 1 runtime failure, 2 invalid input or usage,
// 3 a check failed (calibrate), 130 interrupted.
#include <H5public.h>
#include <oneapi/tbb/version.h>

#include <CLI/CLI.hpp>
#include <boost/version.hpp>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/git_commit.hpp"
#include "cli/version.hpp"
#include "distributed/process_group.hpp"
#include "engine/config/diagnostic.hpp"
#include "experiments/outcome.hpp"
#include "models/cluster/scenario_schema.hpp"

namespace sentra::cli {

std::string version_text() {
  unsigned major = 0, minor = 0, release = 0;
  H5get_libversion(&major, &minor, &release);
  std::string s = std::string("sentra ") + program_version + " (git " + git_commit() + ")\n";
  s += "  hdf5 " + std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(release) + "\n";
  s += std::string("  oneTBB ") + TBB_runtime_version() + "\n";
  s += std::string("  yaml-cpp ") + yaml_cpp_version + "\n";
  s += std::string("  boost ") + std::to_string(BOOST_VERSION / 100000) + "." +
       std::to_string(BOOST_VERSION / 100 % 1000) + "." + std::to_string(BOOST_VERSION % 100) + "\n";
  s += std::string("  CLI11 ") + CLI11_VERSION + "\n";
  s += "  Random123 Philox4x64-10\n";
  return s;
}

}  // namespace sentra::cli

namespace {

// An error that ends the command: rank 0 (or the only process) says why; under MPI the
// group makes sure no other process is left waiting for this one.
int fail(sentra::distributed::ProcessGroup& group, int code, const std::string& why) {
  group.leave_on_error(code, why);
  if (group.leader()) std::cerr << why << "\n";
  return code;
}

int run_command_line(int argc, char** argv, sentra::distributed::ProcessGroup& group) {
  using namespace sentra::cli;
  CLI::App app{"sentra: agent-based simulation of SME cluster competition under regional autonomy and free trade"};
  app.require_subcommand(0, 1);
  bool show_version = false;
  app.add_flag("--version", show_version, "Print version, git commit and library versions");

  std::string command_line;
  for (int i = 0; i < argc; ++i) command_line += (i ? " " : "") + std::string(argv[i]);
  // Options that set a scenario key are checked as typed, with the key's own range: an
  // unsigned option would read "-1" as 2^64-1, and a message about the --set they become
  // would name an option the user never typed.
  const auto integer_in = [](std::uint64_t lo, std::uint64_t hi) {
    return CLI::Validator(
        [lo, hi](std::string& text) -> std::string {
          const bool digits = !text.empty() && text.size() <= 16 && text.find_first_not_of("0123456789") == std::string::npos;
          if (digits && std::stoull(text) >= lo && std::stoull(text) <= hi) return "";
          return "expected an integer in [" + std::to_string(lo) + ", " + std::to_string(hi) + "], got " + text;
        },
        "INT in [" + std::to_string(lo) + ", " + std::to_string(hi) + "]");
  };
  // The range is the scenario key's own, read from its one declaration.
  const auto key_range = [&](const char* path) {
    const auto& keys = sentra::cluster::scenario_schema().declarations();
    const auto& k = keys.key(*keys.find_key(path));
    if (k.kind == sentra::config::Kind::unsigned_integer) return integer_in(k.uint_min, k.uint_max);
    return integer_in(static_cast<std::uint64_t>(k.int_min), static_cast<std::uint64_t>(k.int_max));
  };
  const auto seed_range = key_range("seed");
  const auto steps_range = key_range("steps");

  RunOptions run;
  run.command_line = command_line;
  auto* run_cmd = app.add_subcommand("run", "Run a scenario and write an HDF5 result");
  run_cmd->add_option("scenario", run.scenario, "Scenario file (YAML)")->required();
  run_cmd->add_option("-o,--out", run.out, "Result file (default: results/<name>.h5)");
  run_cmd->add_option("-t,--threads", run.threads, "Worker threads (default: all cores)")->check(CLI::Range(0, 1024));
  run_cmd->add_option("--seed", run.seed, "Override the scenario's seed")->check(seed_range);
  run_cmd->add_option("--steps", run.steps, "Override the number of months")->check(steps_range);
  run_cmd->add_option("--set", run.sets, "Override a key: --set key.path=value (repeatable)");
  run_cmd->add_flag("-q,--quiet", run.quiet, "No progress or summary");

  std::vector<std::string> validate_files, validate_sets;
  bool validate_quiet = false;
  auto* validate_cmd = app.add_subcommand("validate", "Check scenario and experiment files without running them");
  validate_cmd->add_option("files", validate_files, "Scenario or experiment files")->required();
  validate_cmd->add_option("--set", validate_sets, "Override a key: --set key.path=value (repeatable)");
  validate_cmd->add_flag("-q,--quiet", validate_quiet, "Print only errors");

  BenchOptions bench;
  VirusBenchOptions virus;
  std::string bench_model = "cluster";
  auto* bench_cmd = app.add_subcommand("bench", "Time a model on a synthetic world; prints one JSON line");
  bench_cmd->add_option("--model", bench_model, "cluster (default) or virus-on-network")
      ->check(CLI::IsMember({"cluster", "virus-on-network"}));
  bench_cmd->add_option("--threads", bench.threads, "Worker threads (default: all cores)")->check(CLI::Range(0, 1024));
  bench_cmd->add_option("--seed", bench.seed, "Seed")->check(seed_range);
  // --model cluster
  auto* smes_opt = bench_cmd->add_option("--smes", bench.smes, "cluster: SMEs in the synthetic world (default 100000)")
                       ->check(CLI::Range(1LL, 60'000'000LL));
  auto* steps_opt = bench_cmd->add_option("--steps", bench.steps, "cluster: months to time (default 10)")
                        ->check(CLI::Range(1LL, 100000LL));
  auto* set_opt = bench_cmd->add_option(
      "--set", bench.sets, "cluster: override a scenario key, e.g. --set buyers.links_traditional=40 (repeatable)");
  // --model virus-on-network (NetLogo's defaults)
  std::vector<CLI::Option*> virus_opts = {
      bench_cmd->add_option("--nodes", virus.nodes, "virus-on-network: nodes (default 150)")
          ->check(CLI::Range(1LL, 2'000'000'000LL)),
      bench_cmd->add_option("--degree", virus.degree, "virus-on-network: average node degree (default 6)")
          ->check(CLI::Range(0.0, 1e6)),
      bench_cmd->add_option("--generator", virus.generator,
                            "virus-on-network: spatial (NetLogo's nearest-neighbour layout, default) or gnp (Erdos-Renyi G(n, p))")
          ->check(CLI::IsMember({"spatial", "gnp"})),
      bench_cmd->add_option("--edges", virus.edges_file,
                            "virus-on-network: read the graph from an edge list (two 0-based ids per line, # comments)"),
      bench_cmd->add_option("--write-edges", virus.write_edges_file, "virus-on-network: write the graph used as an edge list"),
      bench_cmd->add_option("--ticks", virus.ticks, "virus-on-network: most ticks to run (default 200; stops when no node is infected)")
          ->check(CLI::Range(1LL, 100'000'000LL)),
      bench_cmd->add_option("--outbreak", virus.outbreak, "virus-on-network: initially infected nodes (default 3)")
          ->check(CLI::Range(0LL, 2'000'000'000LL)),
      bench_cmd->add_option("--spread", virus.spread, "virus-on-network: virus spread chance, % (default 2.5)")
          ->check(CLI::Range(0.0, 100.0)),
      bench_cmd->add_option("--check-frequency", virus.check_frequency, "virus-on-network: ticks between virus checks (default 1)")
          ->check(CLI::Range(1LL, 1'000'000LL)),
      bench_cmd->add_option("--recovery", virus.recovery, "virus-on-network: recovery chance, % (default 5)")
          ->check(CLI::Range(0.0, 100.0)),
      bench_cmd->add_option("--resistance", virus.resistance, "virus-on-network: gain resistance chance, % (default 5)")
          ->check(CLI::Range(0.0, 100.0)),
  };

  CalibrateOptions calibrate;
  auto* calibrate_cmd = app.add_subcommand(
      "calibrate", "Run a scenario and compare it with the study's targets (Table 1 shares, workers per unit, partnerships, size tail, survival); exit 3 if a moment is outside its tolerance");
  calibrate_cmd->add_option("scenario", calibrate.scenario, "Scenario file (YAML)")->required();
  calibrate_cmd->add_option("--set", calibrate.sets, "Override a key: --set key.path=value (repeatable)");
  calibrate_cmd->add_option("--seed", calibrate.seed, "Override the scenario's seed")->check(seed_range);
  calibrate_cmd->add_option("-t,--threads", calibrate.threads, "Worker threads (default: all cores)")->check(CLI::Range(0, 1024));
  calibrate_cmd->add_option("--format", calibrate.format, "text (default) or csv")->check(CLI::IsMember({"text", "csv"}));
  calibrate_cmd->add_flag("-q,--quiet", calibrate.quiet, "No progress");

  CompareOptions compare;
  compare.command_line = command_line;
  std::string compare_outcomes;
  std::string default_outcomes;
  for (const auto& name : sentra::experiments::default_outcomes())
    default_outcomes += (default_outcomes.empty() ? "" : ",") + name;
  auto* compare_cmd = app.add_subcommand(
      "compare", "Run scenarios several times with common random numbers and compare their outcomes: mean per "
                 "scenario and paired difference from the first, with 95% t intervals");
  compare_cmd->add_option("scenarios", compare.scenarios, "Scenario files (YAML), at least two; the first is the reference")
      ->required();
  compare_cmd->add_option("-r,--replications", compare.replications, "Runs per scenario, at least 2")->required();
  compare_cmd->add_option("-o,--out", compare.out,
                          "Result file (default: results/compare-<names>.h5); the report is also written next to it as .md");
  compare_cmd->add_option("-t,--threads", compare.threads, "Worker threads in all (default: all cores)")
      ->check(CLI::Range(0, 1024));
  compare_cmd->add_option("-j,--jobs", compare.jobs,
                          "Runs simulated at once (default: one per thread, or fewer when there are fewer runs); each "
                          "holds a whole world in memory, so lower it for very large worlds")
      ->check(CLI::Range(0, 1024));
  compare_cmd->add_option("--seed", compare.seed,
                          "Base seed (default: the first scenario's seed). Replicate r runs with seed base + r in every "
                          "scenario: the scenario files' own seeds are overridden, so the comparison is paired")
      ->check(seed_range);
  compare_cmd->add_option("--steps", compare.steps, "Override the number of months of every scenario")->check(steps_range);
  compare_cmd->add_option("--set", compare.sets, "Override a key in every scenario: --set key.path=value (repeatable)");
  auto* outcomes_opt = compare_cmd->add_option(
      "--outcomes", compare_outcomes,
      "Comma list of aggregate series to compare, each reduced to its mean over the last 12 months of a run "
      "(default: " + default_outcomes + ")");
  compare_cmd->add_option("--format", compare.format, "Report on stdout: text (default), md or csv")
      ->check(CLI::IsMember({"text", "md", "csv"}));
  compare_cmd->add_flag("-q,--quiet", compare.quiet, "No progress on stderr (the report is still printed)");
  compare_cmd->footer(
      "Common random numbers: replicate r of every scenario runs with the same seed (base + r), so each difference is "
      "measured on the same draws and the paired interval is narrow. `sentra run SCENARIO --seed <base + r>` repeats "
      "any single run. See docs/experiments.md.");

  SweepOptions sweep;
  sweep.command_line = command_line;
  auto* sweep_cmd = app.add_subcommand(
      "sweep", "Run an experiment file's design (full factorial, list, Latin hypercube, Sobol, Morris): every point "
               "R times with common random numbers, one run file each, runs.csv/runs.h5, and Sobol indices or Morris "
               "effects");
  sweep_cmd->add_option("experiment", sweep.experiment, "Experiment file (YAML, kind: experiment)")->required();
  sweep_cmd->add_option("-o,--out", sweep.out, "Results folder (default: results/<experiment name>/)");
  sweep_cmd->add_flag("--resume", sweep.resume,
                      "Continue an interrupted sweep in its folder: finished run files are kept, the rest run");
  sweep_cmd->add_option("-t,--threads", sweep.threads, "Worker threads in all (default: all cores)")
      ->check(CLI::Range(0, 1024));
  sweep_cmd->add_option("-j,--jobs", sweep.jobs,
                        "Runs simulated at once (default: one per thread, fewer for worlds that would not fit in "
                        "memory)")
      ->check(CLI::Range(0, 1024));
  sweep_cmd->add_flag("-q,--quiet", sweep.quiet, "No progress or timing on stderr (results are still printed)");
  sweep_cmd->footer(
      "Replicate r of every design point runs with seed base + r (common random numbers). Exit codes: 0 done, 1 some "
      "runs failed (recorded in runs.csv), 2 invalid experiment file, 130 interrupted (finished runs kept for "
      "--resume). See docs/experiments.md.");

  ReportOptions report;
  auto* report_cmd = app.add_subcommand(
      "report", "Render a comparison file (sentra compare) or a sweep folder (sentra sweep) for people: a "
                "self-contained HTML page with charts (drawn by gnuplot), or Markdown or CSV tables");
  report_cmd->add_option("result", report.input, "A comparison file (.h5) or a sweep folder (or its runs.h5)")
      ->required();
  report_cmd->add_option("--format", report.format, "html (default), md or csv")
      ->check(CLI::IsMember({"html", "md", "csv"}));
  report_cmd->add_option("-o,--out", report.out,
                         "Report file (default: next to the input: <comparison>-report.<ext>, or <folder>/report.<ext>); "
                         "- for standard output");
  report_cmd->add_flag("-q,--quiet", report.quiet, "Do not say where the report was written");
  report_cmd->footer(
      "Exit codes: 0 written, 1 a runtime failure (e.g. gnuplot missing for HTML), 2 invalid input (missing file, not "
      "a sentra comparison or sweep). The file is written as FILE.partial and renamed. See docs/experiments.md#reports.");

  std::string schema_format = "markdown";
  auto* schema_cmd = app.add_subcommand("schema", "Print the scenario reference (markdown), the JSON Schema (json) or the phase table (phases)");
  schema_cmd->add_option("--format", schema_format, "markdown, json or phases")->check(CLI::IsMember({"markdown", "json", "phases"}));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);  // prints help or the error
    return code == 0 ? exit_ok : exit_invalid;
  }
  // Under mpirun every rank runs the command: only sweep and compare share their work out;
  // N copies of a run, a calibration, a benchmark or a report would compute the same thing
  // N times and write the same file at once.
  if (group.size() > 1) {
    for (auto* cmd : {run_cmd, calibrate_cmd, bench_cmd, report_cmd})
      if (*cmd) {
        std::cerr << "sentra " << cmd->get_name() << ": does not run under MPI (" << group.size()
                  << " processes); only sweep and compare spread their runs over MPI processes: run it without mpirun\n";
        return exit_invalid;
      }
  }
  try {
    if (show_version) {
      std::cout << version_text();
      return exit_ok;
    }
    if (*run_cmd) return run_command(run);
    if (*validate_cmd) return validate_command(validate_files, validate_sets, validate_quiet);
    if (*bench_cmd) {
      // Options of one model given to the other would be silently ignored: refuse them.
      const auto misplaced = [&](CLI::Option* opt, const char* model) {
        std::cerr << "sentra bench: " << opt->get_name() << " applies to --model " << model << " only\n";
        return exit_invalid;
      };
      if (bench_model == "cluster") {
        for (auto* opt : virus_opts)
          if (opt->count()) return misplaced(opt, "virus-on-network");
        return bench_command(bench);
      }
      if (smes_opt->count()) return misplaced(smes_opt, "cluster");
      if (steps_opt->count()) return misplaced(steps_opt, "cluster");
      if (set_opt->count()) return misplaced(set_opt, "cluster");
      if (!virus.edges_file.empty())
        for (auto* opt : {virus_opts[1], virus_opts[2]})
          if (opt->count()) {
            std::cerr << "sentra bench: " << opt->get_name() << " shapes a generated graph; it cannot go with --edges\n";
            return exit_invalid;
          }
      virus.nodes_given = virus_opts[0]->count() > 0;
      virus.threads = bench.threads;
      virus.seed = bench.seed;
      return bench_virus_command(virus);
    }
    if (*schema_cmd) return schema_command(schema_format);
    if (*calibrate_cmd) return calibrate_command(calibrate);
    if (*sweep_cmd) return sweep_command(sweep, group);
    if (*report_cmd) return report_command(report);
    if (*compare_cmd) {
      if (outcomes_opt->count()) compare.outcomes = compare_outcomes;
      return compare_command(compare, group);
    }
    std::cout << app.help();
    return exit_invalid;
  } catch (const sentra::config::ConfigError& e) {
    return fail(group, exit_invalid, e.what());
  } catch (const std::bad_alloc&) {
    return fail(group, exit_failure, "sentra: out of memory");
  } catch (const std::exception& e) {
    return fail(group, exit_failure, std::string("sentra: ") + e.what());
  }
}

}  // namespace

int main(int argc, char** argv) {
  // MPI only when mpirun (or srun) started this process: see distributed/process_group.hpp.
  const auto group = sentra::distributed::join_process_group(argc, argv);
  // Under MPI every process runs the same command, so all but rank 0 are silenced: usage
  // errors, reports and summaries appear once. Errors only one process meets are printed
  // by the group (with the rank), on stderr directly.
  if (!group->leader()) {
    std::cout.rdbuf(nullptr);
    std::cerr.rdbuf(nullptr);
  }
  const int code = run_command_line(argc, argv, *group);
  // A process that returned before settling (a usage error, `sentra validate` under
  // mpirun) still meets the others there, so none waits for it.
  if (!group->settled()) group->settle(code);
  return code;
}
