#pragma once
// Progress of an ensemble (compare, sweep): runs done of the total, runs per second and
// ETA, counting the months of runs still going on this process so the rate moves before
// whole runs finish. Under MPI only rank 0 has one (the others are quiet); runs done on
// other processes count whole when their results arrive. Thread-safe: any slot reports.
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "cli/progress.hpp"

namespace sentra::cli {

class EnsembleProgress {
 public:
  EnsembleProgress(std::string what, std::size_t runs, std::int64_t months_per_run, bool quiet);
  void month_done(std::size_t run);  // run `run` simulated one more month on this process
  void run_done(std::size_t run);    // its result is in: it counts whole
  void finish() { progress_.finish(); }

 private:
  void report();
  std::int64_t months_per_run_;
  std::vector<std::int64_t> months_of_;  // each touched by the slot running it, then by run_done
  std::atomic<std::int64_t> months_{0};
  Progress progress_;
  std::mutex mutex_;
};

}  // namespace sentra::cli
