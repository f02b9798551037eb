#include "engine/scheduler.hpp"

#include <sstream>

namespace sentra {

Scheduler::Scheduler(int threads)
    : threads_(threads > 0 ? threads : oneapi::tbb::info::default_concurrency()),
      raise_limit_(threads_ > oneapi::tbb::info::default_concurrency()
                       ? std::make_unique<oneapi::tbb::global_control>(
                             oneapi::tbb::global_control::max_allowed_parallelism,
                             static_cast<std::size_t>(threads_))
                       : nullptr),
      arena_(threads_) {}

void StepPlan::run_step(Scheduler& scheduler, std::uint64_t step) const {
  std::uint32_t index = 1;
  for (const auto& phase : phases_) {
    phase.run(PhaseContext{scheduler, step, index});
    ++index;
  }
}

namespace {
std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) {
    if (!out.empty()) out += ", ";
    out += s;
  }
  return out;
}
}  // namespace

std::string StepPlan::describe() const {
  std::ostringstream out;
  out << "| # | phase | reads | writes | what it does |\n|---|---|---|---|---|\n";
  int index = 1;
  for (const auto& p : phases_) {
    out << "| " << index++ << " | `" << p.name << "` | " << join(p.reads) << " | "
        << join(p.writes) << " | " << p.description << " |\n";
  }
  return out.str();
}

}  // namespace sentra
