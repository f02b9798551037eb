// Google Benchmark micro-benchmarks of the model's phases on a synthetic world in baseline
// proportions. Fixed seed and sizes, so runs are comparable:
//   build/bench/sentra_phase_bench --benchmark_filter=buyer
#include <benchmark/benchmark.h>

#include <map>
#include <memory>

#include "engine/random.hpp"
#include "models/cluster/boundary.hpp"
#include "models/cluster/joint_action.hpp"
#include "models/cluster/observe.hpp"
#include "models/cluster/phases.hpp"
#include "models/cluster/scenario_schema.hpp"
#include "models/cluster/social_capital.hpp"
#include "models/cluster/step_plan.hpp"
#include "models/cluster/world_builder.hpp"

using namespace sentra;
using namespace sentra::cluster;

namespace {

struct Fixture {
  World world;
  Scheduler scheduler;
  StepPlan plan;
  Fixture(std::int64_t smes, int threads)
      : world(build_world(params(smes))), scheduler(threads), plan(make_step_plan(world)) {
    plan.run_step(scheduler, 0);  // one month so every per-step array holds real values
  }
  static Params params(std::int64_t n) {
    config::LoadOptions o;
    o.overrides = {"world.smes=" + std::to_string(n), "world.intermediaries=" + std::to_string(n / 100),
                   "world.buyers=" + std::to_string(n / 10), "world.big_firms=" + std::to_string(std::max<std::int64_t>(1, n / 10000)),
                   // Phases run over and over on one world: without exits its size stays
                   // what the benchmark says (dead firms would be skipped and look fast).
                   "sme.hazard_micro=0", "sme.hazard_small=0", "sme.hazard_medium=0", "sme.bankruptcy_months=1000"};
    return config::load_text(scenario_schema(), "<bench>", "schema_version: 1\nname: bench\n", o).value;
  }
};

Fixture& fixture(std::int64_t smes, int threads) {
  static std::map<std::pair<std::int64_t, int>, std::unique_ptr<Fixture>> cache;
  auto& f = cache[{smes, threads}];
  if (!f) f = std::make_unique<Fixture>(smes, threads);
  return *f;
}

template <void (*Fn)(World&, const PhaseContext&)>
void phase(benchmark::State& state) {
  auto& f = fixture(state.range(0), static_cast<int>(state.range(1)));
  std::uint64_t step = 1;
  for (auto _ : state) Fn(f.world, PhaseContext{f.scheduler, step++, 1});
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

void whole_step(benchmark::State& state) {
  auto& f = fixture(state.range(0), static_cast<int>(state.range(1)));
  std::uint64_t step = 1;
  for (auto _ : state) f.plan.run_step(f.scheduler, step++);
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

void observe_aggregates(benchmark::State& state) {
  auto& f = fixture(state.range(0), static_cast<int>(state.range(1)));
  for (auto _ : state) benchmark::DoNotOptimize(observe(f.world, f.scheduler, false, false));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

// The yearly cluster review (phases 12 and 13 in a review month), called directly: in the
// phase benchmarks' months they would be no-ops.
void social_capital_review(benchmark::State& state) {
  auto& f = fixture(state.range(0), static_cast<int>(state.range(1)));
  for (auto _ : state) measure_social_capital(f.world, f.scheduler);
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

void joint_action_review(benchmark::State& state) {
  auto& f = fixture(state.range(0), static_cast<int>(state.range(1)));
  measure_social_capital(f.world, f.scheduler);
  for (auto _ : state) review_joint_action(f.world, f.scheduler, 0, 13);
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

void random_stream_uniform(benchmark::State& state) {
  std::uint64_t agent = 0;
  double sink = 0;
  for (auto _ : state) {
    RandomStream r(1, 2, agent++, 3, 4);
    sink += r.uniform();
  }
  benchmark::DoNotOptimize(sink);
  state.SetItemsProcessed(state.iterations());
}

// sizes: SMEs; threads
#define SIZES ->Args({100000, 1})->Args({100000, 2})->Unit(benchmark::kMillisecond)->UseRealTime()
BENCHMARK(phase<sme_plan>) SIZES;
BENCHMARK(phase<intermediary_quote>) SIZES;
BENCHMARK(phase<buyer_choice>) SIZES;
BENCHMARK(phase<intermediary_order>) SIZES;
BENCHMARK(phase<sme_settle>) SIZES;
BENCHMARK(phase<buyer_settle>) SIZES;
BENCHMARK(phase<social_ties>) SIZES;
BENCHMARK(whole_step) SIZES;
BENCHMARK(observe_aggregates) SIZES;
BENCHMARK(social_capital_review) SIZES->Args({1000000, 1})->Args({1000000, 2});
BENCHMARK(joint_action_review) SIZES->Args({1000000, 1})->Args({1000000, 2});
BENCHMARK(random_stream_uniform);

}  // namespace

BENCHMARK_MAIN();
