// `sentra sweep EXPERIMENT.yaml`: runs an experiment file's design (docs/experiments.md,
// "Sweeps and sensitivity"): every design point R times with common random numbers
// (replicate r runs with seed base + r at every point), each run in its own run file, one
// row per run in runs.csv and runs.h5 (in design order), and the sensitivity analysis the
// design calls for (Sobol indices, Morris effects).
//
// The experiment and every scenario it names are loaded and checked before the first run.
// Runs are spread over the cores several at a time (experiments/parallel_runs.hpp), and
// under mpirun over the ranks too (distributed/: each rank writes the run files of its runs,
// rank 0 gathers the results and writes the tables); each result is stored by its run index
// and the tables are written from those, so no output depends on the thread or process
// count or on which run finished first. A failed run is recorded with its message and the
// sweep goes on; an interrupted sweep keeps every finished run file, and --resume picks up
// from them.
#include <malloc.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <sstream>

#include "cli/aggregate_columns.hpp"
#include "cli/commands.hpp"
#include "cli/ensemble_progress.hpp"
#include "cli/interrupt.hpp"
#include "cli/run_slots.hpp"
#include "cli/scenario_model.hpp"
#include "cli/sweep_run.hpp"
#include "cli/sweep_run_bytes.hpp"
#include "cli/git_commit.hpp"
#include "cli/version.hpp"
#include "distributed/process_group.hpp"
#include "engine/config/diagnostic.hpp"
#include "experiments/design.hpp"
#include "experiments/experiment_loader.hpp"
#include "experiments/parallel_runs.hpp"
#include "experiments/replicate_seed.hpp"
#include "experiments/sensitivity.hpp"
#include "models/cluster/scenario_schema.hpp"
#include "models/cluster/world_builder.hpp"
#include "output/provenance_values.hpp"
#include "output/csv_text.hpp"
#include "output/sweep_writer.hpp"
#include "output/text_file.hpp"

namespace sentra::cli {

namespace {

namespace fs = std::filesystem;
using namespace sentra::experiments;
using Clock = std::chrono::steady_clock;

int refuse(const std::string& message) {
  std::cerr << "sentra sweep: " << message << "\n";
  return exit_invalid;
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool holds_run_files(const fs::path& runs) {
  std::error_code ec;
  if (!fs::is_directory(runs, ec)) return false;
  for (const auto& entry : fs::directory_iterator(runs, ec))
    if (entry.path().extension() == ".h5") return true;
  return false;
}

// A shell word as typed: quoted only when it needs to be.
std::string shell_word(const std::string& w) {
  if (!w.empty() && w.find_first_of(" \t\"'$\\*?;&|<>()") == std::string::npos) return w;
  std::string out = "'";
  for (const char c : w) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string percent(double share) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", 100.0 * share);
  return buf;
}

std::string general(double v) {
  if (!std::isfinite(v)) return "n/a";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

// Small designs without a sensitivity analysis print each point's replicate means: the
// workshop's factorial reads at a glance. Larger ones are for runs.csv.
std::string point_means_report(const Experiment& ex, const Design& design, const std::vector<std::vector<double>>& means) {
  constexpr std::size_t most = 40;
  if (design.points.size() > most) return "";
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> header = {"point"};
  if (ex.scenario_factor) header.push_back("scenario");
  for (const auto& f : ex.factors) header.push_back(f.key);
  for (const auto& oc : ex.outcomes) header.push_back(oc.name);
  rows.push_back(header);
  for (std::size_t p = 0; p < design.points.size(); ++p) {
    std::vector<std::string> row = {std::to_string(p)};
    if (ex.scenario_factor) row.push_back(ex.scenarios[design.points[p].scenario].name);
    for (std::size_t f = 0; f < ex.factors.size(); ++f) row.push_back(ex.factors[f].text(design.points[p].values[f]));
    for (std::size_t oc = 0; oc < ex.outcomes.size(); ++oc) row.push_back(general(means[oc][p]));
    rows.push_back(row);
  }
  std::vector<std::size_t> width(header.size(), 0);
  for (const auto& r : rows)
    for (std::size_t i = 0; i < r.size(); ++i) width[i] = std::max(width[i], r[i].size());
  const std::size_t text_columns = ex.scenario_factor ? 2 : 1;
  std::string out = "Mean of each outcome over the replicates, by design point:\n\n";
  for (const auto& r : rows) {
    std::string line;
    for (std::size_t i = 0; i < r.size(); ++i) {
      const std::string pad(width[i] - r[i].size(), ' ');
      line += (i ? "  " : "") + (i < text_columns ? r[i] + pad : pad + r[i]);
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

// The results folder: refused when it holds another sweep's runs, or this one's without
// --resume; created, with experiment.yaml. Returns the exit code (0: go on).
int prepare_results_folder(const SweepOptions& o, const fs::path& dir, const std::string& resolved) {
  const fs::path runs_dir = dir / "runs";
  if (holds_run_files(runs_dir)) {
    if (!o.resume)
      return refuse(dir.string() + " already holds runs of a sweep: give --resume to continue it (finished runs are "
                                   "kept), or --out another folder, or remove " + dir.string());
    std::error_code missing;
    if (!fs::exists(dir / "experiment.yaml", missing)) {
      // Safe to go on: a finished run is kept only if its file holds this very run (seed and
      // resolved scenario, sweep_run.cpp); the rest run again.
      if (!o.quiet)
        std::cerr << "sentra sweep: " << dir.string() << " has no experiment.yaml; each finished run is checked against "
                  << o.experiment << " and kept only if it is this experiment's\n";
    } else if (!same_experiment(read_file(dir / "experiment.yaml"), resolved)) {
      return refuse(dir.string() + " holds runs of a different experiment (its experiment.yaml differs from " +
                    o.experiment + " as resolved now): --out another folder, or remove " + dir.string());
    }
    // Files an interrupted sweep was writing: never a finished run, and would only linger.
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(runs_dir, ec))
      if (entry.path().extension() == ".partial") fs::remove(entry.path(), ec);
  }
  std::error_code ec;
  fs::create_directories(runs_dir, ec);
  if (ec) {
    std::cerr << "sentra sweep: cannot create " << runs_dir << ": " << ec.message() << "\n";
    return exit_failure;
  }
  output::write_text_file(dir / "experiment.yaml", resolved);
  return exit_ok;
}

struct Tables {
  Table numbers;
  std::vector<output::TextColumn> text;
};

}  // namespace

int sweep_command(const SweepOptions& o, distributed::ProcessGroup& group) {
  const auto started = Clock::now();
  // Every run file makes HDF5 and zlib allocate and free large buffers (type conversion,
  // deflate state) dozens of times; glibc by default gives such memory back to the kernel
  // at once and faults it in again page by page, which made a small run's file cost half
  // again as much time. Keeping freed memory in the allocator (up to 64 MiB) avoids that.
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  // --- The experiment, its scenarios and its design, before any run ----------------------
  const ScenarioModel model = cluster_scenario_model();
  const Experiment ex = load_experiment(o.experiment, model);  // ConfigError -> exit 2 in main
  const Design design = make_design(ex);
  const std::size_t P = design.points.size(), R = ex.replications, N = P * R;
  const std::size_t F = ex.factors.size(), O = ex.outcomes.size(), K = ex.scenarios.size();

  // Each scenario file is read and parsed once, here: the runs load it from this copy, each
  // with its own overrides, so a file edited during the sweep does not change its runs
  // (--resume reads it anew, and runs of the old text no longer match and run again).
  std::vector<config::ParsedFile> parsed;
  for (const auto& s : ex.scenarios) parsed.push_back(config::parse_file(s.path));
  // The scenarios as every run starts from them (replicate 0's seed): for /scenarios, the
  // outcomes' units and the memory a world needs.
  std::vector<config::Loaded<cluster::Params>> base;
  for (const auto& file : parsed) {
    std::vector<std::string> sets = common_overrides(ex);
    sets.push_back("seed=" + std::to_string(ex.seed));
    base.push_back(cluster::load_scenario(file, sets));
  }
  const std::vector<Column> aggregates = aggregate_columns(base.front().value);
  const auto unit_of = [&](const std::string& series) {
    for (const auto& c : aggregates)
      if (c.name == series) return c.unit;
    return std::string();
  };
  // The series the outcomes reduce, each once.
  std::vector<std::string> series;
  std::vector<std::size_t> series_of(O);
  for (std::size_t oc = 0; oc < O; ++oc) {
    const auto it = std::find(series.begin(), series.end(), ex.outcomes[oc].series);
    series_of[oc] = static_cast<std::size_t>(it - series.begin());
    if (it == series.end()) series.push_back(ex.outcomes[oc].series);
  }

  const fs::path dir = o.out.empty() ? fs::path("results") / ex.name : fs::path(o.out);
  const fs::path runs_dir = dir / "runs";
  const std::string resolved = resolved_yaml(ex, dir.string());
  // Under MPI every process has loaded and checked the experiment (a bad one has failed
  // everywhere by now); the results folder is rank 0's alone to judge and prepare, and the
  // others go on only if it did.
  const bool speak = group.leader() && !o.quiet;
  const int verdict = group.settle(group.leader() ? prepare_results_folder(o, dir, resolved) : exit_ok);
  if (verdict != exit_ok) return verdict;

  // --- Runs -------------------------------------------------------------------------------
  double largest = 0;
  for (const auto& b : base) largest = std::max(largest, double(cluster::estimate_world_bytes(b.value)));
  const RunSlots slots = plan_run_slots(N, largest, o.threads, o.jobs);
  const RunLayout layout = slots.layout;

  std::vector<SweepRunSpec> specs(N);
  std::vector<std::string> run_files(N);
  for (std::size_t i = 0; i < N; ++i) {
    const std::size_t p = i / R, r = i % R;
    const DesignPoint& point = design.points[p];
    SweepRunSpec& spec = specs[i];
    spec.scenario = ex.scenarios[point.scenario].path;
    spec.parsed = &parsed[point.scenario];
    for (std::size_t f = 0; f < F; ++f) {
      spec.sets.push_back(ex.factors[f].key + "=" + ex.factors[f].text(point.values[f]));
      spec.set_marks.push_back(ex.factors[f].mark);
    }
    spec.sets.push_back("seed=" + std::to_string(replicate_seed(ex.seed, r)));
    for (const auto& s : common_overrides(ex)) spec.sets.push_back(s);
    spec.set_marks.resize(spec.sets.size());  // the sweep's own: seed, steps, output
    run_files[i] = "runs/dp" + zero_padded(p, P, 4) + "_r" + zero_padded(r, R, 2) + ".h5";
    spec.file = dir / run_files[i];
    std::string alone = "sentra run " + shell_word(spec.scenario);
    for (const auto& s : spec.sets) alone += " --set " + shell_word(s);
    spec.command_line = o.command_line + "  (design point " + std::to_string(p) + ", replicate " + std::to_string(r) +
                        "; the same run alone: " + alone + ")";
  }

  install_interrupt_handlers();
  if (speak)
    std::cerr << "sentra sweep: " << ex.name << ": " << design_name(ex.design.type) << " design, " << P
              << " design points x " << R << " replicate" << (R == 1 ? "" : "s") << " = " << N << " runs of "
              << ex.steps << " months, " << layout.concurrent << " at a time on " << layout.threads_per_run
              << " thread" << (layout.threads_per_run == 1 ? "" : "s") << " each"
              << (slots.memory_bound ? " (as many worlds as fit in memory)" : "")
              << (group.size() > 1 ? " in each of " + std::to_string(group.size()) + " MPI processes" : "") << " -> "
              << dir.string() << "/\n";

  // Each process writes the run files of the runs it makes (into the shared results folder
  // under MPI) and sends rank 0 what the tables need.
  std::vector<SweepRunResult> results(N);
  std::mutex hdf5_lock;
  EnsembleProgress progress("sweep", N, ex.steps, !speak);
  distributed::Ensemble ensemble;
  ensemble.runs = N;
  ensemble.concurrent = layout.concurrent;
  ensemble.stop = [] { return interrupted(); };
  ensemble.run = [&](std::size_t i, const std::function<bool()>& stop) {
    results[i] = sweep_run(specs[i], series, layout.threads_per_run, o.resume, hdf5_lock,
                           [&] { progress.month_done(i); }, stop);
  };
  ensemble.result_bytes = [&](std::size_t i) {
    std::string bytes = sweep_run_bytes(results[i]);
    results[i] = SweepRunResult{};
    return bytes;
  };
  ensemble.take_result = [&](std::size_t i, std::string_view bytes) { results[i] = sweep_run_from_bytes(bytes); };
  ensemble.done = [&](std::size_t i) { progress.run_done(i); };
  const distributed::EnsembleOutcome ran = group.run(ensemble);
  progress.finish();
  if (!group.leader()) return ran.complete ? exit_ok : exit_interrupted;
  if (!ran.complete) {
    std::size_t kept = 0;
    for (std::size_t i = 0; i < N; ++i) kept += fs::exists(specs[i].file) ? 1 : 0;
    std::cerr << "sentra sweep: interrupted; " << kept << " of " << N << " runs are finished in " << runs_dir.string()
              << "/ (no runs.csv or runs.h5 written). Continue with: sentra sweep " << shell_word(o.experiment)
              << (o.out.empty() ? "" : " --out " + shell_word(o.out)) << " --resume\n";
    return exit_interrupted;
  }

  // --- Outcomes, tables, sensitivity ---------------------------------------------------------
  std::vector<std::vector<double>> outcome(O, std::vector<double>(N, std::nan("")));
  std::size_t failed = 0, resumed = 0;
  for (std::size_t i = 0; i < N; ++i) {
    const SweepRunResult& res = results[i];
    if (res.status != SweepRunResult::Status::ok) {
      ++failed;
      continue;
    }
    resumed += res.resumed ? 1 : 0;
    for (std::size_t oc = 0; oc < O; ++oc) outcome[oc][i] = ex.outcomes[oc].apply(res.series[series_of[oc]], res.steps);
  }
  std::vector<std::vector<double>> means;
  for (std::size_t oc = 0; oc < O; ++oc) means.push_back(replicate_means(outcome[oc], P, R));
  const Sensitivity sensitivity = analyse_sensitivity(ex, design, means);

  // runs.csv: design_point, replicate, seed, scenario, factors, outcomes, status, error.
  std::string csv;
  {
    std::vector<std::string> header = {"design_point", "replicate", "seed", "scenario"};
    for (const auto& f : ex.factors) header.push_back(output::csv_field(f.key));
    for (const auto& oc : ex.outcomes) header.push_back(oc.name);
    header.push_back("status");
    header.push_back("error");
    csv += output::csv_line(header);
    for (std::size_t i = 0; i < N; ++i) {
      const std::size_t p = i / R, r = i % R;
      std::vector<std::string> row = {std::to_string(p), std::to_string(r), std::to_string(replicate_seed(ex.seed, r)),
                                      output::csv_field(ex.scenarios[design.points[p].scenario].name)};
      for (std::size_t f = 0; f < F; ++f) row.push_back(output::csv_number(design.points[p].values[f]));
      for (std::size_t oc = 0; oc < O; ++oc) row.push_back(output::csv_number(outcome[oc][i]));
      const bool ok = results[i].status == SweepRunResult::Status::ok;
      row.push_back(ok ? "ok" : "failed");
      row.push_back(output::csv_field(results[i].error));
      csv += output::csv_line(row);
    }
  }

  output::SweepInfo info;
  info.program_version = program_version;
  info.git_commit = git_commit();
  info.command_line = o.command_line;
  info.created_utc = output::utc_now_iso8601();
  info.experiment_name = ex.name;
  info.experiment_file = o.experiment;
  info.design = design_name(ex.design.type);
  info.experiment_yaml = ex.text;
  info.resolved_yaml = resolved;
  info.design_points = static_cast<std::int64_t>(P);
  info.replicates = static_cast<std::int64_t>(R);
  info.runs = static_cast<std::int64_t>(N);
  info.failed_runs = static_cast<std::int64_t>(failed);
  info.steps = ex.steps;
  info.base_seed = ex.seed;
  info.seed_rule = replicate_seed_rule(ex.seed) + " and at every design point (common random numbers)";
  info.threads = layout.concurrent * layout.threads_per_run;  // of each process, under MPI
  info.concurrent_runs = layout.concurrent;
  info.library_versions = {{"yaml-cpp", yaml_cpp_version}};
  const fs::path h5_path = dir / "runs.h5";
  output::SweepWriter writer(h5_path, info);

  {  // /scenarios
    Tables t;
    t.text = {{"name", "the scenario's name", {}},
              {"file", "the scenario file as the experiment names it", {}},
              {"scenario_yaml", "the scenario file as given", {}},
              {"resolved_yaml", "the scenario after extends and defaults, with the experiment's steps and output keys and replicate 0's seed", {}}};
    for (std::size_t k = 0; k < K; ++k) {
      t.text[0].values.push_back(ex.scenarios[k].name);
      t.text[1].values.push_back(ex.scenarios[k].written);
      t.text[2].values.push_back(base[k].given_text);
      t.text[3].values.push_back(base[k].resolved_yaml);
    }
    writer.write_table("scenarios", "scenario", "scenario index (the runs table's scenario_index)", t.text, t.numbers);
  }
  {  // /factors
    Tables t;
    t.text = {{"key", "scenario key path", {}},
              {"role", "uncertainty or lever", {}},
              {"kind", "range (min, max), values (a list) or points (a list design's own values)", {}},
              {"units", "units of the key", {}},
              {"description", "the key's description", {}},
              {"values", "the listed values, for kind values", {}}};
    auto& mins = t.numbers.add<double>("min", "the key's units", "lower end of a range (NaN for a list)");
    auto& maxs = t.numbers.add<double>("max", "the key's units", "upper end of a range (NaN for a list)");
    for (const auto& f : ex.factors) {
      t.text[0].values.push_back(f.key);
      t.text[1].values.push_back(role_name(f.role));
      t.text[2].values.push_back(f.has_range ? "range" : f.values.empty() ? "points" : "values");
      t.text[3].values.push_back(f.unit);
      t.text[4].values.push_back(f.description);
      std::string values;
      for (std::size_t v = 0; v < f.values.size(); ++v) values += (v ? ", " : "") + f.text(f.values[v]);
      t.text[5].values.push_back(values);
      mins.push_back(f.has_range ? f.min : std::nan(""));
      maxs.push_back(f.has_range ? f.max : std::nan(""));
    }
    writer.write_table("factors", "factor", "factor index, in the experiment file's order", t.text, t.numbers);
  }
  {  // /outcomes
    Tables t;
    t.text = {{"name", "the outcome's column in /runs", {}},
              {"series", "the aggregate series it reduces (column <series> of /aggregates in a run file)", {}},
              {"reduce", "last, mean, min, max or at", {}},
              {"description", "the reduction in words", {}},
              {"units", "units of the outcome (its series')", {}}};
    auto& from = t.numbers.add<std::int64_t>("from", "step", "first step of the window (inclusive)");
    auto& to = t.numbers.add<std::int64_t>("to", "step", "last step of the window (inclusive)");
    for (const auto& oc : ex.outcomes) {
      t.text[0].values.push_back(oc.name);
      t.text[1].values.push_back(oc.series);
      t.text[2].values.push_back(reduce_name(oc.reduce));
      t.text[3].values.push_back(oc.describe());
      t.text[4].values.push_back(unit_of(oc.series));
      from.push_back(oc.from);
      to.push_back(oc.to);
    }
    writer.write_table("outcomes", "outcome", "outcome index, in the experiment file's order", t.text, t.numbers);
  }
  {  // /design
    Tables t;
    t.text = {{"scenario", "the scenario's name", {}}};
    auto& index = t.numbers.add<std::int64_t>("scenario_index", "1", "scenario index (see /scenarios)");
    std::vector<std::vector<double>*> values;
    for (const auto& f : ex.factors) values.push_back(&t.numbers.add<double>(f.key, f.unit, "value of the factor " + f.key));
    std::vector<std::vector<double>*> mean_columns;
    for (const auto& oc : ex.outcomes)
      mean_columns.push_back(&t.numbers.add<double>(oc.name + "_mean", unit_of(oc.series),
                                                    "mean of " + oc.name + " over the point's replicates that did not fail"));
    for (std::size_t p = 0; p < P; ++p) {
      t.text[0].values.push_back(ex.scenarios[design.points[p].scenario].name);
      index.push_back(static_cast<std::int64_t>(design.points[p].scenario));
      for (std::size_t f = 0; f < F; ++f) values[f]->push_back(design.points[p].values[f]);
      for (std::size_t oc = 0; oc < O; ++oc) mean_columns[oc]->push_back(means[oc][p]);
    }
    writer.write_table("design", "design_point", "design point index, in design order", t.text, t.numbers,
                       {{"type", std::string(design_name(ex.design.type))}});
  }
  {  // /runs
    Tables t;
    t.text = {{"scenario", "the scenario's name", {}},
              {"status", "ok or failed", {}},
              {"error", "why the run failed (empty when ok)", {}},
              {"run_file", "the run's own file, relative to this file's folder", {}}};
    auto& dp = t.numbers.add<std::int64_t>("design_point", "1", "design point index (see /design)");
    auto& rep = t.numbers.add<std::int64_t>("replicate", "1", "replicate index r");
    auto& seed = t.numbers.add<std::int64_t>("seed", "1", "the run's seed: base_seed + replicate, at every design point");
    auto& index = t.numbers.add<std::int64_t>("scenario_index", "1", "scenario index (see /scenarios)");
    std::vector<std::vector<double>*> values, outcomes;
    for (const auto& f : ex.factors) values.push_back(&t.numbers.add<double>(f.key, f.unit, "value of the factor " + f.key));
    for (const auto& oc : ex.outcomes)
      outcomes.push_back(&t.numbers.add<double>(oc.name, unit_of(oc.series), oc.describe() + " (NaN for a failed run)"));
    for (std::size_t i = 0; i < N; ++i) {
      const std::size_t p = i / R, r = i % R;
      t.text[0].values.push_back(ex.scenarios[design.points[p].scenario].name);
      t.text[1].values.push_back(results[i].status == SweepRunResult::Status::ok ? "ok" : "failed");
      t.text[2].values.push_back(results[i].error);
      t.text[3].values.push_back(run_files[i]);
      dp.push_back(static_cast<std::int64_t>(p));
      rep.push_back(static_cast<std::int64_t>(r));
      seed.push_back(static_cast<std::int64_t>(replicate_seed(ex.seed, r)));
      index.push_back(static_cast<std::int64_t>(design.points[p].scenario));
      for (std::size_t f = 0; f < F; ++f) values[f]->push_back(design.points[p].values[f]);
      for (std::size_t oc = 0; oc < O; ++oc) outcomes[oc]->push_back(outcome[oc][i]);
    }
    writer.write_table("runs", "run", "run index: design_point * replicates + replicate (design order)", t.text,
                       t.numbers);
  }

  std::string sensitivity_csv;
  if (sensitivity.method != SensitivityMethod::none) {
    Tables t;
    t.text = {{"outcome", "outcome name (see /outcomes)", {}}, {"factor", "factor key, or scenario", {}}};
    const std::size_t D = sensitivity.dimensions.size();
    std::vector<std::pair<std::string, output::AttributeValue>> attributes;
    std::vector<std::string> header = {"outcome", "factor"};
    std::vector<std::vector<double>> rows;  // one per (outcome, dimension), values in header order
    if (sensitivity.method == SensitivityMethod::sobol) {
      const std::vector<std::pair<const char*, const char*>> columns = {
          {"S1", "first-order index (Saltelli 2010)"},
          {"S1_lower", "lower end of its percentile bootstrap interval"},
          {"S1_upper", "upper end of its percentile bootstrap interval"},
          {"ST", "total-order index (Jansen 1999)"},
          {"ST_lower", "lower end of its percentile bootstrap interval"},
          {"ST_upper", "upper end of its percentile bootstrap interval"},
          {"variance", "variance of the outcome's replicate means over the A and B samples"}};
      std::vector<std::vector<double>*> c;
      for (const auto& [name, what] : columns) {
        c.push_back(&t.numbers.add<double>(name, std::string(name) == "variance" ? "the outcome's units squared" : "1", what));
        header.push_back(name);
      }
      for (const auto& os : sensitivity.outcomes)
        for (std::size_t d = 0; d < D; ++d) {
          const auto& f = os.sobol.first[d];
          const auto& s = os.sobol.total[d];
          rows.push_back({f.value, f.lower, f.upper, s.value, s.lower, s.upper, os.sobol.variance});
        }
      attributes = {{"method", std::string("sobol")},
                    {"estimators", std::string("first order: Saltelli et al. 2010, mean(f_B (f_ABi - f_A)) / V; total "
                                               "order: Jansen 1999, mean((f_A - f_ABi)^2) / (2 V); on each outcome's "
                                               "mean over replicates")},
                    {"interval", std::string("percentile bootstrap over the N base samples")},
                    {"samples", static_cast<std::int64_t>(sensitivity.samples)},
                    {"resamples", static_cast<std::int64_t>(sensitivity.resamples)},
                    {"confidence", sensitivity.confidence},
                    {"seed", static_cast<std::int64_t>(ex.design.seed)}};
      for (std::size_t r = 0; r < rows.size(); ++r)
        for (std::size_t k = 0; k < c.size(); ++k) c[k]->push_back(rows[r][k]);
    } else {
      const std::vector<std::pair<const char*, const char*>> columns = {
          {"mu_star", "mean absolute elementary effect, per unit of the factor's range"},
          {"mu", "mean elementary effect, per unit of the factor's range"},
          {"sigma", "standard deviation of the elementary effects (divisor r - 1)"}};
      std::vector<std::vector<double>*> c;
      for (const auto& [name, what] : columns) {
        c.push_back(&t.numbers.add<double>(name, "the outcome's units", what));
        header.push_back(name);
      }
      for (const auto& os : sensitivity.outcomes)
        for (std::size_t d = 0; d < D; ++d) rows.push_back({os.morris[d].mu_star, os.morris[d].mu, os.morris[d].sigma});
      attributes = {{"method", std::string("morris")},
                    {"trajectories", static_cast<std::int64_t>(ex.design.trajectories)},
                    {"levels", static_cast<std::int64_t>(ex.design.levels)},
                    {"delta", design.morris ? design.morris->delta : std::nan("")},
                    {"seed", static_cast<std::int64_t>(ex.design.seed)}};
      for (std::size_t r = 0; r < rows.size(); ++r)
        for (std::size_t k = 0; k < c.size(); ++k) c[k]->push_back(rows[r][k]);
    }
    sensitivity_csv = output::csv_line(header);
    std::size_t row = 0;
    for (const auto& os : sensitivity.outcomes)
      for (std::size_t d = 0; d < D; ++d, ++row) {
        t.text[0].values.push_back(os.outcome);
        t.text[1].values.push_back(sensitivity.dimensions[d]);
        std::vector<std::string> line = {os.outcome, output::csv_field(sensitivity.dimensions[d])};
        for (const double v : rows[row]) line.push_back(output::csv_number(v));
        sensitivity_csv += output::csv_line(line);
      }
    writer.write_table("sensitivity", "row", "row index: outcome-major, factor-minor", t.text, t.numbers, attributes);
  }

  output::write_text_file(dir / "runs.csv", csv);
  if (!sensitivity_csv.empty()) output::write_text_file(dir / "sensitivity.csv", sensitivity_csv);
  writer.commit();

  // --- What it found ----------------------------------------------------------------------
  std::cout << ex.name << ": " << N << " runs (" << P << " design points x " << R << " replicate"
            << (R == 1 ? "" : "s") << ", " << ex.steps << " months each), " << failed << " failed; results in "
            << dir.string() << "/ (runs.csv, runs.h5" << (sensitivity_csv.empty() ? "" : ", sensitivity.csv")
            << ", runs/).\n";
  std::cout << "Seeds: replicate r runs with seed " << ex.seed << " + r at every design point (common random numbers).\n";
  const std::string report =
      sensitivity.method == SensitivityMethod::none ? point_means_report(ex, design, means) : sensitivity_report(sensitivity);
  if (!report.empty()) std::cout << "\n" << report;

  if (failed > 0) {
    std::cerr << "sentra sweep: " << failed << " of " << N << " runs failed (status and error in runs.csv):\n";
    std::size_t shown = 0;
    for (std::size_t i = 0; i < N && shown < 5; ++i)
      if (results[i].status != SweepRunResult::Status::ok) {
        std::cerr << "  " << run_files[i] << ": " << results[i].error << "\n";
        ++shown;
      }
    if (failed > shown) std::cerr << "  ... and " << failed - shown << " more\n";
  }
  if (speak) {
    SweepRunTimes sum;
    for (const auto& r : results) {
      sum.load += r.times.load;
      sum.build += r.times.build;
      sum.simulate += r.times.simulate;
      sum.write += r.times.write;
    }
    const double wall = std::chrono::duration<double>(Clock::now() - started).count();
    const double capacity = wall * ran.slots;  // each slot (of every process) could have simulated all along
    const double rest = capacity - sum.simulate - sum.build - sum.write - sum.load;
    std::fprintf(stderr,
                 "sentra sweep: %zu runs in %.2f s (%.1f runs/s; %zu resumed, %zu failed) on %d slot%s. Of the slots' "
                 "time: stepping and observing %s, building worlds %s, writing (or reading back) run files %s, loading scenarios %s, "
                 "the rest (idle slots, design, tables) %s. Sweep overhead (loading + the rest) %s; outside step and "
                 "observe %s\n",
                 N, wall, wall > 0 ? double(N) / wall : 0.0, resumed, failed, ran.slots,
                 ran.slots == 1 ? "" : "s", percent(sum.simulate / capacity).c_str(),
                 percent(sum.build / capacity).c_str(), percent(sum.write / capacity).c_str(),
                 percent(sum.load / capacity).c_str(), percent(rest / capacity).c_str(),
                 percent((sum.load + rest) / capacity).c_str(), percent(1.0 - sum.simulate / capacity).c_str());
  }
  return failed > 0 ? exit_failure : exit_ok;
}

}  // namespace sentra::cli
