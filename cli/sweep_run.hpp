#pragma once
// One run of a sweep: the scenario loaded with the design point's values as `--set`
// overrides (so each value passes the same checks as on the command line, and the run file
// records the resolved scenario), simulated month by month, written to its own run file in
// the format `sentra run` writes, and reduced to the series the outcomes need. A finished
// run file of an earlier, interrupted sweep is read back instead of running again (--resume).
//
// A run that fails (a combination of values the scenario's cross-key checks refuse, a world
// too big for memory, any exception) is a result like any other: its status and message go
// to the runs table and the sweep goes on.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "engine/config/loader.hpp"

namespace sentra::cli {

struct SweepRunSpec {
  std::string scenario;            // path of the scenario file (for provenance)
  // The file as the sweep read and parsed it when it started (config::parse_file; required):
  // every run loads it from there, so none reads or parses it again, and all see the same text.
  const config::ParsedFile* parsed = nullptr;
  std::vector<std::string> sets;   // "key=value": the design point's values, seed, steps
  // Where each of `sets` comes from in the experiment file (a factor's entry), or an empty
  // file for those the sweep adds itself: a run the scenario refuses is reported there.
  std::vector<config::Mark> set_marks;
  std::filesystem::path file;      // the run file (runs/dp0007_r03.h5)
  std::string command_line;        // provenance for the run file
};

// Wall-clock seconds spent on each part of a run, for the sweep's overhead figures.
struct SweepRunTimes {
  double load = 0;      // loading and checking the scenario
  double build = 0;     // building the world (Simulation's constructor) and freeing it after the run
  double simulate = 0;  // Simulation::step and Simulation::observe, every month
  double write = 0;     // the run file, including waiting for the HDF5 lock, and freeing the months kept for it
};

struct SweepRunResult {
  enum class Status { ok, failed, interrupted };
  Status status = Status::ok;
  std::string error;    // for failed runs: one line
  bool resumed = false; // taken from an existing run file
  std::vector<std::int64_t> steps;          // step labels
  std::vector<std::vector<double>> series;  // the requested aggregate series, in order
  SweepRunTimes times;
};

// Runs it (or, with `resume`, reads its finished file when that file holds this very run:
// same seed and resolved scenario). `threads`: worker threads of the run's own scheduler.
// HDF5 is used under `hdf5_lock` only (its high-level library is not thread-safe).
// `month_done` is called after each simulated month; `stop` is checked before each month.
SweepRunResult sweep_run(const SweepRunSpec& spec, const std::vector<std::string>& series, int threads, bool resume,
                         std::mutex& hdf5_lock, const std::function<void()>& month_done,
                         const std::function<bool()>& stop);

}  // namespace sentra::cli
