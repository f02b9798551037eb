#pragma once
// The phase scheduler: a step is a fixed list of phases, each a parallel sweep over agents.
// Work is cut into blocks of a fixed grain with tbb::simple_partitioner, so which indices
// form a block never depends on the thread count; phases write only their own agents' slots
// (no locks), and anything order-sensitive goes through reductions or message buckets.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/partitioner.h>
#include <oneapi/tbb/task_arena.h>

namespace sentra {

// Owns the worker threads of one simulation. Two schedulers (two worlds) can live side by side.
class Scheduler {
 public:
  static constexpr std::size_t default_grain = 2048;

  explicit Scheduler(int threads);
  int threads() const { return threads_; }

  // Runs f inside this scheduler's arena (so nested parallel loops use its threads only).
  template <class F>
  void execute(F&& f) {
    arena_.execute(std::forward<F>(f));
  }

  // Calls body(begin, end) on consecutive blocks of at most `grain` indices covering [0, n).
  template <class Body>
  void for_blocks(std::size_t n, Body&& body, std::size_t grain = default_grain) {
    if (n == 0) return;
    arena_.execute([&] {
      oneapi::tbb::parallel_for(
          oneapi::tbb::blocked_range<std::size_t>(0, n, grain),
          [&](const oneapi::tbb::blocked_range<std::size_t>& r) { body(r.begin(), r.end()); },
          oneapi::tbb::simple_partitioner{});
    });
  }

  // Calls body(i) for every i in [0, n).
  template <class Body>
  void for_each(std::size_t n, Body&& body, std::size_t grain = default_grain) {
    for_blocks(
        n, [&](std::size_t b, std::size_t e) {
          for (std::size_t i = b; i < e; ++i) body(i);
        },
        grain);
  }

 private:
  int threads_;
  // Asking for more threads than cores (e.g. determinism tests at 4 threads on 2 cores)
  // needs the process-wide worker limit raised; otherwise TBB silently caps the arena.
  std::unique_ptr<oneapi::tbb::global_control> raise_limit_;
  oneapi::tbb::task_arena arena_;
};

// What a phase gets: the scheduler to run parallel loops on, and the clock coordinates that
// key its random draws (step, phase index).
struct PhaseContext {
  Scheduler& scheduler;
  std::uint64_t step;
  std::uint32_t phase;
};

// One phase of a step. `reads` and `writes` name the state it touches, so the step's plan
// can be printed and documented (docs/model.md, "Process overview and scheduling").
struct Phase {
  std::string name;
  std::string description;
  std::vector<std::string> reads;
  std::vector<std::string> writes;
  std::function<void(const PhaseContext&)> run;
};

// The ordered phase list of one step.
class StepPlan {
 public:
  void add(Phase phase) { phases_.push_back(std::move(phase)); }
  const std::vector<Phase>& phases() const { return phases_; }

  // Runs every phase in order for `step`. Phase indices start at 1 (0 is kept for setup).
  void run_step(Scheduler& scheduler, std::uint64_t step) const;

  // A Markdown table of the phases: order, name, reads, writes, description.
  std::string describe() const;

 private:
  std::vector<Phase> phases_;
};

}  // namespace sentra
