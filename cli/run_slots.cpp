#include "cli/run_slots.hpp"

#include <unistd.h>

#include <algorithm>

namespace sentra::cli {

RunSlots plan_run_slots(std::size_t runs, double world_bytes, int threads, int jobs) {
  RunSlots slots;
  if (jobs == 0) {
    const double physical = double(sysconf(_SC_PHYS_PAGES)) * double(sysconf(_SC_PAGE_SIZE));
    if (world_bytes > 0 && physical > 0) {
      const auto fit = static_cast<int>(std::clamp(0.8 * physical / world_bytes, 1.0, 1024.0));
      if (fit < experiments::plan_runs(runs, threads, 0).concurrent) {
        jobs = fit;
        slots.memory_bound = true;
      }
    }
  }
  slots.layout = experiments::plan_runs(runs, threads, jobs);
  return slots;
}

}  // namespace sentra::cli
