#include "cli/ensemble_progress.hpp"

namespace sentra::cli {

EnsembleProgress::EnsembleProgress(std::string what, std::size_t runs, std::int64_t months_per_run, bool quiet)
    : months_per_run_(months_per_run > 0 ? months_per_run : 1), months_of_(runs, 0),
      progress_(std::move(what), static_cast<std::int64_t>(runs), quiet, "run") {}

void EnsembleProgress::month_done(std::size_t run) {
  ++months_of_[run];
  ++months_;
  report();
}

void EnsembleProgress::run_done(std::size_t run) {
  // A run read back, failed early or made by another process counts its remaining months.
  months_ += months_per_run_ - months_of_[run];
  months_of_[run] = months_per_run_;
  report();
}

void EnsembleProgress::report() {
  // Progress is not thread-safe and a slot must never wait for another's printing: whoever
  // finds it busy skips this update.
  if (std::unique_lock lock(mutex_, std::try_to_lock); lock.owns_lock())
    progress_.update(static_cast<double>(months_.load()) / static_cast<double>(months_per_run_));
}

}  // namespace sentra::cli
