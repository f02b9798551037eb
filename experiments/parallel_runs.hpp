#pragma once
// Independent runs spread over the cores. A run of a small world cannot keep many threads
// busy (its phases are a few blocks long), but runs share nothing, so an experiment fills
// the machine by simulating several at once, each on its own few threads. Results must
// be stored by run index: which run finishes first depends on the scheduling.
#include <cstddef>
#include <functional>
#include <optional>

namespace sentra::experiments {

struct RunLayout {
  int concurrent = 1;       // runs simulated at once
  int threads_per_run = 1;  // worker threads of each run's own scheduler
};

// `threads` workers in all (0: every core) for `runs` runs. `concurrent` > 0 caps the runs
// held at once (each holds a whole world in memory); 0 lets it be min(runs, threads).
// Each run gets threads / concurrent threads (at least 1).
RunLayout plan_runs(std::size_t runs, int threads, int concurrent);

// Calls run(i) once for every i in [0, n), at most `concurrent` at a time, on a oneTBB
// arena of that many threads (the caller is one of them). Runs start in index order.
// Stops starting runs once stop() is true. An exception from a run stops the others from
// starting and is rethrown here once the running ones have returned.
//
// A run may build its own Scheduler inside run(i): its arena is a separate, nested arena
// that the calling thread joins, so its parallel loops use its own threads only.
void for_each_run(std::size_t n, int concurrent, const std::function<void(std::size_t)>& run,
                  const std::function<bool()>& stop);

// The same slots, with the run indices coming from `take` instead of a counter: each of the
// `concurrent` slots calls take() for its next run until it returns nullopt. take() may
// block (a slot waiting for a run handed out by another process, distributed/), and is
// called from several threads at once. Exceptions as in for_each_run.
void run_slots(int concurrent, const std::function<std::optional<std::size_t>()>& take,
               const std::function<void(std::size_t)>& run);

}  // namespace sentra::experiments
