#pragma once
// Progress of a long run on stderr: step, steps/s and ETA. Silent for the first second (short
// runs print nothing); on a terminal one line redrawn in place at most 10 times a second,
// otherwise (logs, CI, Slurm) a plain line every few seconds.
#include <chrono>
#include <cstdint>
#include <string>

namespace sentra::cli {

class Progress {
 public:
  Progress(std::string what, std::int64_t total, bool quiet);
  void update(std::int64_t done);
  void finish();

 private:
  using Clock = std::chrono::steady_clock;
  std::string what_;
  std::int64_t total_;
  bool quiet_;
  bool tty_;
  bool drawn_ = false;
  Clock::time_point start_;
  Clock::time_point last_print_;
};

}  // namespace sentra::cli
