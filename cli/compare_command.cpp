// `sentra compare A.yaml B.yaml [C.yaml ...] --replications R`: runs every scenario R times
// with common random numbers (replicate r uses the same seed in every scenario), stores every
// run, the runs table, the summary and per-step bands in one HDF5 file, and reports each
// outcome's mean per scenario and paired difference from the first scenario with t intervals.
//
// Every scenario is loaded and checked before the first run. Runs are spread over the cores
// several at a time (experiments/parallel_runs.hpp), and under mpirun over the ranks too
// (distributed/: the other ranks send rank 0 their runs' monthly tables as raw bytes and
// rank 0 writes the one file); each result is stored by its (scenario, replicate) index and
// runs are written to the file in index order, so the file's contents do not depend on the
// thread or process count or on which run finished first.

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <variant>

#include "cli/aggregate_columns.hpp"
#include "cli/commands.hpp"
#include "cli/ensemble_progress.hpp"
#include "cli/output_target.hpp"
#include "cli/scenario_model.hpp"
#include "cli/interrupt.hpp"
#include "cli/run_slots.hpp"
#include "cli/git_commit.hpp"
#include "cli/version.hpp"
#include "distributed/observation_bytes.hpp"
#include "distributed/process_group.hpp"
#include "engine/config/diagnostic.hpp"
#include "experiments/comparison.hpp"
#include "experiments/comparison_report.hpp"
#include "experiments/outcome.hpp"
#include "experiments/parallel_runs.hpp"
#include "experiments/replicate_seed.hpp"
#include "models/cluster/scenario_schema.hpp"
#include "models/cluster/simulation.hpp"
#include "models/cluster/world_builder.hpp"
#include "output/provenance_values.hpp"
#include "output/comparison_writer.hpp"

namespace sentra::cli {

namespace {

namespace fs = std::filesystem;
using namespace sentra::experiments;

// The scenario key `seed` accepts 0..2^53-1 (exact in JSON and in doubles); replicate seeds
// stay in that range so every run can be repeated with `sentra run --seed`.
constexpr std::uint64_t max_scenario_seed = 9'007'199'254'740'991ULL;
constexpr double confidence = 0.95;

int usage(const std::string& message) {
  std::cerr << "sentra compare: " << message << "\n";
  return exit_invalid;
}

double first_value(const Column& c) {
  return std::visit([](const auto& v) { return v.empty() ? 0.0 : static_cast<double>(v.front()); }, c.data);
}

// Report labels: scenario names, with "#k" (position on the command line) added to a name
// already used, so A vs A still tells its columns apart.
std::vector<std::string> unique_labels(const std::vector<std::string>& names) {
  std::vector<std::string> labels;
  for (std::size_t k = 0; k < names.size(); ++k) {
    bool repeated = false;
    for (std::size_t j = 0; j < k; ++j) repeated = repeated || names[j] == names[k];
    labels.push_back(repeated ? names[k] + "#" + std::to_string(k + 1) : names[k]);
  }
  return labels;
}

fs::path default_target(const std::vector<std::string>& names) {
  std::string file = "compare";
  const std::size_t shown = names.size() > 4 ? 3 : names.size();
  for (std::size_t k = 0; k < shown; ++k) file += "-" + names[k];
  if (shown < names.size()) file += "-and-" + std::to_string(names.size() - shown) + "-more";
  return fs::path("results") / (file + ".h5");
}

// The Markdown report is written to "<report>.partial" first and renamed once the HDF5 file
// is in place, so both appear complete or not at all.
void write_partial_text(const fs::path& partial, const std::string& text) {
  std::ofstream out(partial, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) {
    std::error_code ignored;
    fs::remove(partial, ignored);
    throw std::runtime_error("cannot write " + partial.string());
  }
}

// The result file's folder, made if missing; the exit code (0: go on).
int make_parent_folder(const fs::path& target) {
  if (!target.has_parent_path()) return exit_ok;
  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);
  if (!ec) return exit_ok;
  std::cerr << "sentra compare: cannot create output folder " << target.parent_path() << ": " << ec.message() << "\n";
  return exit_failure;
}

struct LoadedScenario {
  std::string file;
  config::Loaded<cluster::Params> loaded;
};

}  // namespace

int compare_command(const CompareOptions& o, distributed::ProcessGroup& group) {
  // --- Usage and every scenario, before any run -------------------------------------------
  if (o.scenarios.size() < 2)
    return usage("needs at least two scenario files (got " + std::to_string(o.scenarios.size()) +
                 "): the first is the reference the others are compared with");
  if (o.replications < 2)
    return usage("--replications must be at least 2 (got " + std::to_string(o.replications) +
                 "): an interval needs two replicates");
  const auto format = parse_report_format(o.format);
  if (!format) return usage("--format must be text, md or csv (got '" + o.format + "')");

  std::vector<std::string> sets = o.sets;
  if (o.steps) sets.push_back("steps=" + std::to_string(*o.steps));
  // The first scenario's seed (or --seed) is the base: load it first, then the others with
  // that seed, so every resolved scenario shows replicate 0's seed.
  std::vector<LoadedScenario> scenarios;
  std::optional<std::uint64_t> base_seed = o.seed;
  bool invalid = false;
  for (const auto& file : o.scenarios) {
    std::vector<std::string> with_seed = sets;
    if (base_seed) with_seed.push_back("seed=" + std::to_string(*base_seed));
    try {
      refuse_experiment_file(file, "compare");
      scenarios.push_back({file, cluster::load_scenario(file, with_seed)});
      if (!base_seed) base_seed = scenarios.back().loaded.value.seed;
    } catch (const config::ConfigError& e) {
      std::cerr << e.what() << "\n";  // and go on: report every bad scenario at once
      invalid = true;
    }
  }
  if (invalid) return exit_invalid;

  const std::size_t K = scenarios.size();
  const auto R = static_cast<std::size_t>(o.replications);
  const std::int64_t steps = scenarios[0].loaded.value.steps;
  for (const auto& s : scenarios)
    if (s.loaded.value.steps != steps) {
      std::string message = "the scenarios run for different numbers of months (";
      for (std::size_t k = 0; k < K; ++k)
        message += (k ? ", " : "") + scenarios[k].loaded.value.name + ": " +
                   std::to_string(scenarios[k].loaded.value.steps);
      return usage(message + "); give --steps N to compare them over the same months");
    }
  if (*base_seed > max_scenario_seed - (R - 1))
    return usage("seed " + std::to_string(*base_seed) + " + " + std::to_string(R - 1) +
                 " (the last replicate) is above the largest seed, " + std::to_string(max_scenario_seed));

  const std::vector<Column> aggregates = aggregate_columns(scenarios[0].loaded.value);
  std::vector<std::string> available;
  for (const auto& c : aggregates) available.push_back(c.name);
  const std::vector<std::string> outcomes =
      o.outcomes ? split_outcome_list(*o.outcomes) : default_outcomes();
  try {
    check_outcomes(outcomes, available);
  } catch (const std::invalid_argument& e) {
    return usage(std::string("--outcomes: ") + e.what());
  }
  const std::size_t O = outcomes.size();
  std::vector<const Column*> outcome_columns;
  for (const auto& name : outcomes)
    for (const auto& c : aggregates)
      if (c.name == name) outcome_columns.push_back(&c);

  std::vector<std::string> names;
  for (const auto& s : scenarios) names.push_back(s.loaded.value.name);
  const std::vector<std::string> labels = unique_labels(names);
  const fs::path target = o.out.empty() ? default_target(names) : fs::path(o.out);
  if (target.extension() == ".md")
    return usage("--out " + target.string() + ": the report is written next to the results as .md; give the .h5 name");
  fs::path report_path = target;
  report_path.replace_extension(".md");
  {
    std::vector<fs::path> inputs(o.scenarios.begin(), o.scenarios.end());
    for (const auto& [path, option] : {std::pair{target, "--out"}, std::pair{report_path, "the report next to --out"}})
      if (const auto problem = output_target_problem(path, inputs, option)) return usage(*problem);
  }
  const bool speak = group.leader() && !o.quiet;

  // --- Runs -------------------------------------------------------------------------------
  const std::size_t N = K * R;
  double largest = 0;
  for (const auto& sc : scenarios) largest = std::max(largest, double(cluster::estimate_world_bytes(sc.loaded.value)));
  const RunSlots slots = plan_run_slots(N, largest, o.threads, o.jobs);
  const RunLayout layout = slots.layout;
  const bool memory_bound = slots.memory_bound;
  const OutcomeReduction reduction;

  const auto started = std::chrono::steady_clock::now();
  // Rank 0 (or the only process) writes the one file; the others send it their runs.
  std::optional<output::ComparisonWriter> writer;
  if (group.leader() && make_parent_folder(target) == exit_ok) {
    output::ComparisonInfo info;
    info.program_version = program_version;
    info.git_commit = git_commit();
    info.command_line = o.command_line;
    info.created_utc = output::utc_now_iso8601();
    for (std::size_t k = 0; k < K; ++k)
      info.scenarios.push_back({names[k], labels[k], scenarios[k].file, scenarios[k].loaded.given_text,
                                scenarios[k].loaded.resolved_yaml});
    info.replicates = static_cast<std::int64_t>(R);
    info.steps = steps;
    info.base_seed = *base_seed;
    info.seed_rule = replicate_seed_rule(*base_seed);
    info.reduction_window = static_cast<std::int64_t>(reduction.window);
    info.confidence = confidence;
    info.interval = "two-sided Student t interval over replicates (t quantile with replicates - 1 degrees of freedom); "
                    "differences are paired: replicate r of a scenario minus replicate r of scenario 0";
    info.threads = layout.concurrent * layout.threads_per_run;  // of each process, under MPI
    info.concurrent_runs = layout.concurrent;
    info.library_versions = {{"yaml-cpp", yaml_cpp_version}};
    info.outcome_reduction = "mean of column <outcome> of a run's /aggregates over the last " + std::to_string(reduction.window) +
                            " steps of each run (all steps when the run has fewer)";
    writer.emplace(target, info);  // throws if it cannot: before settle, so every rank leaves
  }
  // Under MPI every process has loaded and checked the scenarios; rank 0 alone writes, and
  // the others go on only if it could make the output folder and start the file.
  const int verdict = group.settle(group.leader() && !writer ? exit_failure : exit_ok);
  if (verdict != exit_ok) return verdict;
  install_interrupt_handlers();

  if (speak)
    std::cerr << "sentra compare: " << K << " scenarios x " << R << " replicates = " << N << " runs of " << steps
              << " months, " << layout.concurrent << " at a time on " << layout.threads_per_run << " thread"
              << (layout.threads_per_run == 1 ? "" : "s") << " each" << (memory_bound ? " (as many worlds as fit in memory)" : "")
              << (group.size() > 1 ? " in each of " + std::to_string(group.size()) + " MPI processes" : "") << " -> "
              << target.string() << "\n";

  ReplicatedSeries series(O, K, R, static_cast<std::size_t>(steps));
  std::vector<std::vector<std::int64_t>> step_labels(N);
  std::vector<std::optional<std::vector<StepObservation>>> finished(N);  // made here or received, not yet written
  std::vector<char> ready(N, 0);  // done() has taken run i's series: it may be written
  std::size_t next_to_write = 0;
  std::atomic<std::size_t> runs_done{0};
  std::mutex write_mutex;  // HDF5 calls, one at a time and in run order; ready[]
  EnsembleProgress progress("compare", N, steps, !speak);

  distributed::Ensemble ensemble;
  ensemble.runs = N;
  ensemble.concurrent = layout.concurrent;
  ensemble.stop = [] { return interrupted(); };
  ensemble.run = [&](std::size_t i, const std::function<bool()>& stop) {
    const std::size_t k = i / R, r = i % R;
    cluster::Params params = scenarios[k].loaded.value;
    params.seed = replicate_seed(*base_seed, r);
    cluster::Simulation sim(params, layout.threads_per_run);
    std::vector<StepObservation> observed;
    observed.reserve(static_cast<std::size_t>(steps));
    for (std::int64_t t = 0; t < steps; ++t) {
      if (stop()) return;  // at a month boundary; nothing of this run is kept
      sim.step();
      observed.push_back(sim.observe(false, false));
      progress.month_done(i);
    }
    finished[i] = std::move(observed);
  };
  ensemble.result_bytes = [&](std::size_t i) {
    std::string bytes = distributed::observation_bytes(*finished[i]);
    finished[i].reset();
    return bytes;
  };
  ensemble.take_result = [&](std::size_t i, std::string_view bytes) {
    finished[i] = distributed::observations_from_bytes(bytes);
  };
  // The outcomes' series and the step labels of run i, then every run that is next in
  // index order written to the file.
  ensemble.done = [&](std::size_t i) {
    const std::size_t k = i / R, r = i % R;
    const std::vector<StepObservation>& observed = *finished[i];
    for (std::size_t t = 0; t < observed.size(); ++t) {
      for (std::size_t oc = 0; oc < O; ++oc) {
        const Column* c = observed[t].aggregates.find(outcome_columns[oc]->name);
        if (!c) throw std::logic_error("run " + std::to_string(i) + " reports no aggregate '" + outcomes[oc] + "'");
        series.series(oc, k, r)[t] = first_value(*c);
      }
      step_labels[i].push_back(observed[t].step);
    }
    progress.run_done(i);
    ++runs_done;
    const std::lock_guard lock(write_mutex);
    ready[i] = 1;
    while (next_to_write < N && ready[next_to_write]) {
      const std::size_t kw = next_to_write / R, rw = next_to_write % R;
      std::vector<std::string> region_names;
      for (std::int64_t g = 0; g < scenarios[kw].loaded.value.world.regions; ++g)
        region_names.push_back("region_" + std::to_string(g));
      writer->write_run(kw, rw, replicate_seed(*base_seed, rw), region_names, *finished[next_to_write]);
      finished[next_to_write].reset();
      ++next_to_write;
    }
  };
  const distributed::EnsembleOutcome outcome = group.run(ensemble);
  progress.finish();
  if (!group.leader()) return outcome.complete ? exit_ok : exit_interrupted;
  if (!outcome.complete) {
    std::cerr << "sentra compare: interrupted after " << runs_done.load() << " of " << N
              << " runs; no result written (" << target.string() << " is unchanged)\n";
    return exit_interrupted;
  }

  // --- Statistics, tables, report ---------------------------------------------------------
  const auto comparisons = compare_scenarios(series, reduction, confidence);
  const std::string reduction_text = reduction.describe(step_labels[0], "month");

  Table runs;
  auto& run_scenario = runs.add<std::int32_t>("scenario", "1", "scenario index (see /scenarios)");
  auto& run_replicate = runs.add<std::int32_t>("replicate", "1", "replicate index r");
  auto& run_seed = runs.add<std::int64_t>("seed", "1", "the run's seed: base_seed + replicate, the same in every scenario");
  std::vector<std::vector<double>*> run_outcomes;
  for (std::size_t oc = 0; oc < O; ++oc)
    run_outcomes.push_back(&runs.add<double>(outcomes[oc], outcome_columns[oc]->unit,
                                             reduction_text + " of column " + outcomes[oc] + " of /aggregates (" +
                                                 outcome_columns[oc]->description + ")"));
  output::TextColumn run_label{"scenario_name", "scenario label", {}};
  output::TextColumn run_group{"run_group", "where the run's series are stored in this file", {}};
  for (std::size_t i = 0; i < N; ++i) {
    const std::size_t k = i / R, r = i % R;
    run_scenario.push_back(static_cast<std::int32_t>(k));
    run_replicate.push_back(static_cast<std::int32_t>(r));
    run_seed.push_back(static_cast<std::int64_t>(replicate_seed(*base_seed, r)));
    for (std::size_t oc = 0; oc < O; ++oc) run_outcomes[oc]->push_back(comparisons[oc].values[k][r]);
    run_label.values.push_back(labels[k]);
    run_group.values.push_back(output::ComparisonWriter::run_path(k, r));
  }
  writer->write_runs({run_label, run_group}, runs);

  Table summary;
  const char* per_unit = "the row's units";
  auto& sum_scenario = summary.add<std::int32_t>("scenario", "1", "scenario index (see /scenarios)");
  auto& sum_n = summary.add<std::int64_t>("replicates", "1", "replicates the statistics are over");
  auto& sum_mean = summary.add<double>("mean", per_unit, "mean of the outcome over replicates");
  auto& sum_lower = summary.add<double>("mean_lower", per_unit, "lower end of the mean's interval");
  auto& sum_upper = summary.add<double>("mean_upper", per_unit, "upper end of the mean's interval");
  auto& sum_sd = summary.add<double>("sd", per_unit, "standard deviation over replicates (divisor n - 1)");
  auto& sum_diff = summary.add<double>("difference", per_unit, "mean paired difference from scenario 0 (0 for scenario 0)");
  auto& sum_diff_lower = summary.add<double>("difference_lower", per_unit, "lower end of the difference's interval");
  auto& sum_diff_upper = summary.add<double>("difference_upper", per_unit, "upper end of the difference's interval");
  auto& sum_diff_sd = summary.add<double>("difference_sd", per_unit, "standard deviation of the paired differences");
  auto& sum_t = summary.add<double>("t", "1", "Student t quantile the intervals use");
  output::TextColumn sum_outcome{"outcome", "outcome: an aggregate series, reduced as the root attribute outcome_reduction says", {}};
  output::TextColumn sum_units{"units", "units of the row's values", {}};
  output::TextColumn sum_label{"scenario_name", "scenario label", {}};
  for (std::size_t oc = 0; oc < O; ++oc)
    for (std::size_t k = 0; k < K; ++k) {
      const Interval& m = comparisons[oc].mean[k];
      const Interval& d = comparisons[oc].difference[k];
      sum_outcome.values.push_back(outcomes[oc]);
      sum_units.values.push_back(outcome_columns[oc]->unit);
      sum_label.values.push_back(labels[k]);
      sum_scenario.push_back(static_cast<std::int32_t>(k));
      sum_n.push_back(static_cast<std::int64_t>(m.n));
      sum_mean.push_back(m.mean);
      sum_lower.push_back(m.lower);
      sum_upper.push_back(m.upper);
      sum_sd.push_back(m.sd);
      sum_diff.push_back(d.mean);
      sum_diff_lower.push_back(d.lower);
      sum_diff_upper.push_back(d.upper);
      sum_diff_sd.push_back(d.sd);
      sum_t.push_back(m.t);
    }
  writer->write_summary({sum_outcome, sum_units, sum_label}, summary);

  std::vector<Column> bands;
  for (std::size_t oc = 0; oc < O; ++oc) {
    const auto& c = comparisons[oc];
    const std::string& unit = outcome_columns[oc]->unit;
    const std::string what = "column " + outcomes[oc] + " of the runs' /aggregates";
    const auto add = [&](const std::string& suffix, const std::string& description, const std::vector<Interval>& from,
                         double Interval::*field) {
      std::vector<double> values;
      values.reserve(from.size());
      for (const auto& i : from) values.push_back(i.*field);
      bands.push_back(Column{outcomes[oc] + suffix, unit, description, std::move(values)});
    };
    add("_mean", "mean over replicates of " + what, c.series_mean, &Interval::mean);
    add("_lower", "lower end of the interval of that mean", c.series_mean, &Interval::lower);
    add("_upper", "upper end of the interval of that mean", c.series_mean, &Interval::upper);
    add("_difference", "mean paired difference of " + what + " from scenario 0", c.series_difference, &Interval::mean);
    add("_difference_lower", "lower end of the interval of that difference", c.series_difference, &Interval::lower);
    add("_difference_upper", "upper end of the interval of that difference", c.series_difference, &Interval::upper);
  }
  writer->write_series(step_labels[0], bands);

  ReportContext context;
  context.scenarios = labels;
  for (std::size_t oc = 0; oc < O; ++oc) context.outcomes.push_back({outcomes[oc], outcome_columns[oc]->unit});
  context.replicates = R;
  context.steps = steps;
  context.base_seed = *base_seed;
  context.reduction = reduction_text;
  context.confidence = confidence;
  context.result_file = target.string();
  const fs::path report_partial = report_path.string() + ".partial";
  write_partial_text(report_partial, comparison_report(comparisons, context, ReportFormat::markdown));
  try {
    writer->commit();
  } catch (...) {
    std::error_code ignored;
    fs::remove(report_partial, ignored);
    throw;
  }
  fs::rename(report_partial, report_path);

  std::cout << comparison_report(comparisons, context, *format);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!o.quiet)
    std::fprintf(stderr, "sentra compare: wrote %s and %s (%zu runs in %.1f s)\n", target.string().c_str(),
                 report_path.string().c_str(), N, seconds);
  return exit_ok;
}

}  // namespace sentra::cli
