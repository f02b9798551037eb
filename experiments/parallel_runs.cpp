#include "experiments/parallel_runs.hpp"

#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/info.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/task_arena.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <memory>
#include <mutex>

namespace sentra::experiments {

RunLayout plan_runs(std::size_t runs, int threads, int concurrent) {
  const int total = threads > 0 ? threads : oneapi::tbb::info::default_concurrency();
  const int most = static_cast<int>(std::min<std::size_t>(std::max<std::size_t>(runs, 1), static_cast<std::size_t>(total)));
  RunLayout layout;
  layout.concurrent = concurrent > 0 ? std::min(concurrent, most) : most;
  layout.threads_per_run = std::max(1, total / layout.concurrent);
  return layout;
}

void run_slots(int concurrent, const std::function<std::optional<std::size_t>()>& take,
               const std::function<void(std::size_t)>& run) {
  concurrent = std::max(1, concurrent);
  // As in Scheduler: more threads than cores needs the process-wide limit raised, or TBB
  // silently runs fewer.
  std::unique_ptr<oneapi::tbb::global_control> raise_limit;
  if (concurrent > oneapi::tbb::info::default_concurrency())
    raise_limit = std::make_unique<oneapi::tbb::global_control>(
        oneapi::tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(concurrent));
  oneapi::tbb::task_arena arena(concurrent);

  // Each of `concurrent` loops takes the next run until none is left, so runs start in the
  // order take() gives them whatever thread picks them up.
  std::atomic<bool> failed{false};
  std::exception_ptr first_error;
  std::mutex error_mutex;
  arena.execute([&] {
    oneapi::tbb::parallel_for(
        0, concurrent,
        [&](int) {
          for (;;) {
            if (failed.load()) return;
            try {
              const std::optional<std::size_t> i = take();
              if (!i) return;
              run(*i);
            } catch (...) {
              const std::lock_guard<std::mutex> lock(error_mutex);
              if (!first_error) first_error = std::current_exception();
              failed = true;
              return;
            }
          }
        },
        oneapi::tbb::simple_partitioner{});
  });
  if (first_error) std::rethrow_exception(first_error);
}

void for_each_run(std::size_t n, int concurrent, const std::function<void(std::size_t)>& run,
                  const std::function<bool()>& stop) {
  if (n == 0) return;
  // Runs start in index order (and finish roughly in it, which lets results be written as
  // they come).
  std::atomic<std::size_t> next{0};
  run_slots(
      concurrent,
      [&]() -> std::optional<std::size_t> {
        if (stop()) return std::nullopt;
        const std::size_t i = next.fetch_add(1);
        if (i >= n) return std::nullopt;
        return i;
      },
      run);
}

}  // namespace sentra::experiments
