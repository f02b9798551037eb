#include "experiments/parallel_runs.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <vector>

#include "engine/reduce.hpp"
#include "engine/scheduler.hpp"

using namespace sentra::experiments;

TEST_CASE("plan_runs.fills every thread with runs before giving a run more threads") {
  CHECK(plan_runs(6, 2, 0).concurrent == 2);
  CHECK(plan_runs(6, 2, 0).threads_per_run == 1);
  CHECK(plan_runs(2, 8, 0).concurrent == 2);
  CHECK(plan_runs(2, 8, 0).threads_per_run == 4);
  CHECK(plan_runs(100, 8, 1).concurrent == 1);  // one big world at a time
  CHECK(plan_runs(100, 8, 1).threads_per_run == 8);
  CHECK(plan_runs(3, 1, 0).concurrent == 1);
}

TEST_CASE("for_each_run.runs every index once, with a scheduler of its own inside each run") {
  for (int concurrent : {1, 2, 4}) {
    CAPTURE(concurrent);
    std::vector<double> sums(12, 0.0);
    std::vector<std::atomic<int>> calls(12);
    for_each_run(
        sums.size(), concurrent,
        [&](std::size_t i) {
          calls[i] += 1;
          // A nested arena, as a Simulation built inside a run has: its result must not
          // depend on where the run executes.
          sentra::Scheduler inner(1 + int(i % 2));
          sums[i] = sentra::deterministic_sum(inner, 10000, [&](std::size_t j) { return double(j % 7) * 0.1 + double(i); });
        },
        [] { return false; });
    for (std::size_t i = 0; i < sums.size(); ++i) {
      CHECK(calls[i] == 1);
      sentra::Scheduler alone(1);
      CHECK(sums[i] == sentra::deterministic_sum(alone, 10000, [&](std::size_t j) { return double(j % 7) * 0.1 + double(i); }));
    }
  }
}

TEST_CASE("for_each_run.stops starting runs when asked and rethrows a run's exception") {
  std::atomic<int> started{0};
  for_each_run(100, 2, [&](std::size_t) { ++started; }, [&] { return started.load() >= 5; });
  CHECK(started.load() < 100);
  CHECK_THROWS_AS(for_each_run(
                      10, 2,
                      [](std::size_t i) {
                        if (i == 3) throw std::runtime_error("run 3 failed");
                      },
                      [] { return false; }),
                  std::runtime_error);
}

TEST_CASE("run_slots.runs what take() hands out, while take() waits for runs to arrive from elsewhere") {
  // As on an MPI worker: another thread (the one receiving messages) hands the runs over one
  // by one, and the slots wait for them.
  std::mutex m;
  std::condition_variable arrived;
  std::deque<std::size_t> queue;
  bool no_more = false;
  std::vector<std::atomic<int>> calls(20);
  std::thread feeder([&] {
    for (std::size_t i = 0; i < calls.size(); ++i) {
      std::this_thread::sleep_for(std::chrono::microseconds(200));
      {
        const std::lock_guard lock(m);
        queue.push_back(calls.size() - 1 - i);  // any order
      }
      arrived.notify_one();
    }
    {
      const std::lock_guard lock(m);
      no_more = true;
    }
    arrived.notify_all();
  });
  run_slots(
      3,
      [&]() -> std::optional<std::size_t> {
        std::unique_lock lock(m);
        arrived.wait(lock, [&] { return !queue.empty() || no_more; });
        if (queue.empty()) return std::nullopt;
        const std::size_t i = queue.front();
        queue.pop_front();
        return i;
      },
      [&](std::size_t i) { calls[i] += 1; });
  feeder.join();
  for (const auto& c : calls) CHECK(c.load() == 1);
}
