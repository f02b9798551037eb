#pragma once
// Progress of long work on stderr: units done (steps of a run, runs of a comparison), units/s
// and ETA. Silent for the first second (short work prints nothing); on a terminal one line
// redrawn in place at most 10 times a second, otherwise (logs, CI, Slurm) a plain line every
// 5 seconds, or every $SENTRA_PROGRESS_SECONDS (a long cluster job's log may want one a
// minute). Not thread-safe: one thread reports.
#include <chrono>
#include <cstdint>
#include <string>

namespace sentra::cli {

class Progress {
 public:
  Progress(std::string what, std::int64_t total, bool quiet, std::string unit = "step");
  void update(std::int64_t done);
  // Fractional progress, e.g. 2.5 runs when two runs are done and another is half way:
  // rate and ETA move before whole units finish.
  void update(double done);
  void finish();

 private:
  using Clock = std::chrono::steady_clock;
  std::string what_;
  std::int64_t total_;
  bool quiet_;
  std::string unit_;
  bool tty_;
  double log_interval_;  // seconds between plain lines
  bool drawn_ = false;
  Clock::time_point start_;
  Clock::time_point last_print_;
};

}  // namespace sentra::cli
