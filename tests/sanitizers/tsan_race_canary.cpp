// TSan canary, racy on purpose: many tbb::parallel_for tasks do an unsynchronised ++ on a
// plain int. The ctest entry passes only if ThreadSanitizer reports this data race, which
// proves the thread build really detects races in code that runs inside TBB tasks.
#include <tbb/blocked_range.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <atomic>
#include <chrono>
#include <cstdio>

namespace {
int counter = 0;                    // the race: written by several threads, no lock, no atomic
std::atomic<int> started{0};        // relaxed only: creates no happens-before for TSan

void racy_chunk() {
  // Hold this chunk until a second thread has started one too (or 5 s passed), so at
  // least two threads increment `counter`, even on a 1-core machine. Relaxed atomics
  // give TSan no ordering, so the race below stays unordered.
  started.fetch_add(1, std::memory_order_relaxed);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (started.load(std::memory_order_relaxed) < 2 && std::chrono::steady_clock::now() < deadline) {
  }
  for (int i = 0; i < 1000; ++i) ++counter;
}
}  // namespace

int main() {
  // Four threads even where hardware_concurrency() is 1.
  tbb::global_control allow(tbb::global_control::max_allowed_parallelism, 4);
  tbb::task_arena arena(4);
  arena.execute([] {
    tbb::parallel_for(tbb::blocked_range<int>(0, 8, 1),
                      [](const tbb::blocked_range<int>&) { racy_chunk(); });
  });
  std::printf("counter = %d (TSan should have stopped this program before here)\n", counter);
  return 0;
}
