#include "cli/sweep_run.hpp"

#include <chrono>
#include <ctime>
#include <memory>
#include <new>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <variant>

#include "cli/run_info.hpp"
#include "cli/snapshot_due.hpp"
#include "engine/config/diagnostic.hpp"
#include "models/cluster/scenario_schema.hpp"
#include "models/cluster/simulation.hpp"
#include "output/run_file_reader.hpp"
#include "output/run_writer.hpp"

namespace sentra::cli {
namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// Multi-line messages (a scenario's list of problems) as one line for the runs table.
std::string one_line(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '\n') out += "; ";
    else if (c != '\r') out += c;
  }
  return out;
}

double first_value(const Column& c) {
  return std::visit([](const auto& v) { return v.empty() ? 0.0 : static_cast<double>(v.front()); }, c.data);
}

// The finished run file's contents when it holds this very run; nullopt means "run it".
std::optional<SweepRunResult> read_finished(const SweepRunSpec& spec, const std::vector<std::string>& series,
                                            const config::Loaded<cluster::Params>& loaded, std::mutex& hdf5_lock) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(spec.file, ec)) return std::nullopt;
  output::RunFileContents contents;
  try {
    const std::lock_guard lock(hdf5_lock);
    contents = output::read_run_file(spec.file, series);
  } catch (const std::exception&) {
    return std::nullopt;  // unreadable: run it again
  }
  if (contents.seed != loaded.value.seed || contents.resolved_yaml != loaded.resolved_yaml) return std::nullopt;
  SweepRunResult r;
  r.resumed = true;
  r.steps = std::move(contents.steps);
  r.series = std::move(contents.series);
  return r;
}

}  // namespace

SweepRunResult sweep_run(const SweepRunSpec& spec, const std::vector<std::string>& series, int threads, bool resume,
                         std::mutex& hdf5_lock, const std::function<void()>& month_done,
                         const std::function<bool()>& stop) {
  SweepRunResult r;
  const auto failed = [&](const std::string& message) {
    r.status = SweepRunResult::Status::failed;
    r.error = one_line(message);
    r.steps.clear();
    r.series.clear();
    return r;
  };
  try {
    auto start = Clock::now();
    const auto loaded = cluster::load_scenario(*spec.parsed, spec.sets);
    r.times.load = since(start);
    const cluster::Params& params = loaded.value;
    if (resume) {
      start = Clock::now();
      if (auto finished = read_finished(spec, series, loaded, hdf5_lock)) {
        finished->times = r.times;
        finished->times.write = since(start);
        return std::move(*finished);
      }
    }

    start = Clock::now();
    auto sim = std::make_unique<cluster::Simulation>(params, threads);
    r.times.build = since(start);
    std::vector<StepObservation> observed;
    observed.reserve(static_cast<std::size_t>(params.steps));
    r.series.assign(series.size(), {});
    for (std::int64_t t = 0; t < params.steps; ++t) {
      if (stop()) {
        r.status = SweepRunResult::Status::interrupted;
        return r;
      }
      start = Clock::now();
      sim->step();
      StepObservation obs = sim->observe(snapshot_due(params.output.snapshot_every, t, params.steps),
                                        snapshot_due(params.output.network_every, t, params.steps));
      r.times.simulate += since(start);
      r.steps.push_back(obs.step);
      for (std::size_t s = 0; s < series.size(); ++s) {
        const Column* c = obs.aggregates.find(series[s]);
        if (!c) throw std::logic_error("the run reports no aggregate series '" + series[s] + "'");
        r.series[s].push_back(first_value(*c));
      }
      observed.push_back(std::move(obs));
      month_done();
    }

    start = Clock::now();
    const output::RunInfo info = run_info(loaded, spec.command_line, sim->threads());
    std::vector<output::EventRecord> events;
    for (const auto& e : sim->world().applied_events) events.push_back({e.step, e.key, e.region, e.value});
    {
      const std::lock_guard lock(hdf5_lock);
      output::RunWriter writer(spec.file, info, output::options_for_steps(params.steps));
      for (const auto& obs : observed) writer.write_step(obs);
      writer.write_events(events);
      writer.commit();
    }
    // The months were kept only for the file: freeing them is part of writing it, as freeing
    // the world is part of having built it, and the sweep's report counts them so for a
    // finished run (a failed one frees them while unwinding, untimed).
    std::vector<StepObservation>().swap(observed);
    r.times.write = since(start);
    start = Clock::now();
    sim.reset();
    r.times.build += since(start);
    return r;
  } catch (const config::ConfigError& e) {
    // A design point's value the scenario refuses is marked at its factor in the experiment
    // file, where the user can change it, rather than at the `--set` the sweep made of it.
    const auto from_set = [](std::string_view file, std::string_view set) {
      return file.size() > 6 && file.substr(0, 6) == "--set " && file.substr(6) == set;
    };
    std::vector<config::Diagnostic> diags = e.diagnostics;
    for (auto& d : diags)
      for (std::size_t k = 0; k < spec.sets.size() && k < spec.set_marks.size(); ++k)
        if (!spec.set_marks[k].file.empty() && from_set(d.mark.file, spec.sets[k])) d.mark = spec.set_marks[k];
    return failed(config::ConfigError(std::move(diags)).what());
  } catch (const std::bad_alloc&) {
    return failed("out of memory");
  } catch (const std::exception& e) {
    return failed(e.what());
  }
}

}  // namespace sentra::cli
