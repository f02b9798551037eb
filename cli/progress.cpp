#include "cli/progress.hpp"

#include <unistd.h>

#include <cstdio>

namespace sentra::cli {

Progress::Progress(std::string what, std::int64_t total, bool quiet, std::string unit)
    : what_(std::move(what)), total_(total), quiet_(quiet), unit_(std::move(unit)),
      tty_(isatty(STDERR_FILENO) != 0), start_(Clock::now()), last_print_(start_) {}

void Progress::update(std::int64_t done) { update(static_cast<double>(done)); }

void Progress::update(double done) {
  if (quiet_) return;
  const auto now = Clock::now();
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  const double since = std::chrono::duration<double>(now - last_print_).count();
  if (elapsed < 1.0 || since < (tty_ ? 0.1 : 5.0)) return;
  last_print_ = now;
  const double rate = elapsed > 0 ? done / elapsed : 0.0;
  const double eta = rate > 0 ? (static_cast<double>(total_) - done) / rate : 0.0;
  std::fprintf(stderr, "%s%s: %s %lld/%lld  %.2f %ss/s  ETA %.0fs%s", tty_ ? "\r\033[K" : "", what_.c_str(),
               unit_.c_str(), static_cast<long long>(done), static_cast<long long>(total_), rate, unit_.c_str(), eta,
               tty_ ? "" : "\n");
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::finish() {
  if (drawn_ && tty_) std::fputs("\r\033[K", stderr);
}

}  // namespace sentra::cli
