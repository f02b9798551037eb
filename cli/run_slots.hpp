#pragma once
// How many runs an experiment simulates at once. Small worlds fill the cores by running
// several at once, one thread each (experiments/parallel_runs.hpp); but every run held at
// once has a whole world in memory, so unless the user says otherwise (--jobs) no more
// worlds are held than fit in 80% of the machine's memory, the margin `sentra run` allows
// one world.
#include <cstddef>

#include "experiments/parallel_runs.hpp"

namespace sentra::cli {

struct RunSlots {
  experiments::RunLayout layout;
  bool memory_bound = false;  // fewer runs at once than threads, for memory
};

// `runs` runs of at most `world_bytes` each (estimate_world_bytes of the largest world),
// on `threads` threads in all (0: every core); `jobs` > 0 is the user's own choice.
RunSlots plan_run_slots(std::size_t runs, double world_bytes, int threads, int jobs);

}  // namespace sentra::cli
