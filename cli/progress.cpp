#include "cli/progress.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>

namespace sentra::cli {

namespace {
double log_interval() {
  const char* text = std::getenv("SENTRA_PROGRESS_SECONDS");
  if (!text || !*text) return 5.0;
  char* end = nullptr;
  const double seconds = std::strtod(text, &end);
  return *end == '\0' && seconds > 0 && seconds < 1e6 ? seconds : 5.0;  // anything else: the default
}
}  // namespace

Progress::Progress(std::string what, std::int64_t total, bool quiet, std::string unit)
    : what_(std::move(what)), total_(total), quiet_(quiet), unit_(std::move(unit)),
      tty_(isatty(STDERR_FILENO) != 0), log_interval_(log_interval()), start_(Clock::now()), last_print_(start_) {}

void Progress::update(std::int64_t done) { update(static_cast<double>(done)); }

void Progress::update(double done) {
  if (quiet_) return;
  const auto now = Clock::now();
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  const double since = std::chrono::duration<double>(now - last_print_).count();
  if (elapsed < 1.0 || since < (tty_ ? 0.1 : log_interval_)) return;
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
