#include "distributed/local_process_group.hpp"

#include <atomic>

#include "experiments/parallel_runs.hpp"

namespace sentra::distributed {

EnsembleOutcome run_locally(const Ensemble& e) {
  std::atomic<std::size_t> finished{0};
  experiments::for_each_run(
      e.runs, e.concurrent,
      [&](std::size_t i) {
        e.run(i, e.stop);
        if (e.stop()) return;  // it may have given up: an incomplete ensemble keeps nothing
        e.done(i);
        ++finished;
      },
      e.stop);
  EnsembleOutcome outcome;
  outcome.complete = finished.load() == e.runs;
  outcome.slots = e.concurrent;
  return outcome;
}

int LocalProcessGroup::settle(int code) {
  settled_ = true;
  return code;
}

}  // namespace sentra::distributed
