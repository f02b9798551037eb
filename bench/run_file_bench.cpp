// The cost of one run file as a sweep writes it: a workshop-sized, series-only run (36
// steps, 89 aggregate columns, 4 regions x 15 columns, 2 events, 6 KB of provenance)
// written N times in a loop. Prints the CPU time per file, best of 5 batches: CPU time,
// not wall time, so that other work on a shared machine disturbs it less.
//
//   build/bench/sentra_run_file_bench [N=200] [DIR=/tmp/sentra_run_file_bench]
//
// A loop keeps HDF5's code and data in the caches; in a sweep each file follows a run of
// the model, so the same file costs about twice as much there (docs/performance.md).
#include <time.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "output/run_writer.hpp"

namespace {

double cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace sentra;
  const int n = argc > 1 ? std::atoi(argv[1]) : 200;
  const std::filesystem::path dir = argc > 2 ? argv[2] : "/tmp/sentra_run_file_bench";
  if (n <= 0) return 2;
  output::RunInfo info;
  info.program_version = "bench";
  info.git_commit = "bench";
  info.scenario_name = "workshop";
  info.scenario_yaml = std::string(600, 'a');
  info.resolved_yaml = std::string(5500, 'b');
  info.command_line = std::string(420, 'c');
  info.seed = 42;
  info.created_utc = "2026-01-01T00:00:00Z";
  info.region_names = {"region_0", "region_1", "region_2", "region_3"};
  info.library_versions = {{"yaml-cpp", "0.7.0"}};
  std::vector<StepObservation> steps(36);
  for (int t = 0; t < 36; ++t) {
    steps[t].step = t;
    for (int c = 0; c < 89; ++c)
      steps[t].aggregates
          .add<double>("aggregate_" + std::to_string(c), "million IDR/month",
                       "a description of this aggregate series, about sixty characters")
          .push_back(t * 1.5 + c);
    for (int c = 0; c < 15; ++c) {
      auto& v = steps[t].regions.add<double>("regional_" + std::to_string(c), "firms", "a regional series");
      for (int r = 0; r < 4; ++r) v.push_back(t + r + c * 0.25);
    }
  }
  const std::vector<output::EventRecord> events{{12, "policy.levy_rate", -1, 0.01},
                                                {24, "products.clothing.import_tariff", -1, 0.0}};
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  double best = 1e300;
  for (int batch = 0; batch < 5; ++batch) {
    const double start = cpu_ms();
    for (int i = 0; i < n; ++i) {
      const auto file = dir / ("b" + std::to_string(batch) + "_" + std::to_string(i) + ".h5");
      output::RunWriter writer(file, info, output::options_for_steps(36));
      for (const auto& obs : steps) writer.write_step(obs);
      writer.write_events(events);
      writer.commit();
    }
    best = std::min(best, (cpu_ms() - start) / n);
  }
  std::filesystem::remove_all(dir);
  std::printf("{\"run_files\": %d, \"cpu_ms_per_file\": %.3f}\n", n, best);
  return 0;
}
