#pragma once
// An ensemble: independent runs, numbered 0..runs-1, and what to do with each. The command
// (sentra sweep, sentra compare) says how to run one and what its result is; a process
// group (process_group.hpp) decides where each runs: on this process's slots, or spread
// over the processes of an MPI job with the results sent back to rank 0. The command's own
// loop is the same either way.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace sentra::distributed {

struct Ensemble {
  std::size_t runs = 0;
  int concurrent = 1;  // runs at once on this process (experiments/parallel_runs.hpp)
  // Runs run i on this process and keeps its result by index. Called from several slot
  // threads at once; `stop` says when to give up at the next month boundary (Ctrl-C, or
  // rank 0 stopping the job). A run that gave up has no result: nothing else is called for it.
  std::function<void(std::size_t i, const std::function<bool()>& stop)> run;
  // On a process other than rank 0, after run(i): the result as bytes for rank 0. The
  // process may let go of the result then.
  std::function<std::string(std::size_t i)> result_bytes;
  // On rank 0: the bytes of run i, made by another process; keep the result as run(i)
  // would have kept it.
  std::function<void(std::size_t i, std::string_view bytes)> take_result;
  // On rank 0 (or the only process), once run i's result is here, wherever it ran:
  // progress, writing in order. May be called from several threads at once.
  std::function<void(std::size_t i)> done;
  // Ctrl-C and the like: no run starts once it is true, running ones stop.
  std::function<bool()> stop;
};

struct EnsembleOutcome {
  bool complete = false;  // every run's result reached done() (false: stopped)
  int slots = 0;          // runs at once over all processes
  int processes = 1;
};

}  // namespace sentra::distributed
