#include "distributed/local_process_group.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <mutex>
#include <vector>

using namespace sentra::distributed;

TEST_CASE("local_process_group.every run once, done after its run, on one process") {
  LocalProcessGroup group;
  CHECK(group.leader());
  CHECK(group.size() == 1);
  CHECK(group.settle(2) == 2);
  CHECK(group.settled());
  std::vector<int> ran(50, 0), done(50, 0);
  std::mutex m;
  Ensemble e;
  e.runs = ran.size();
  e.concurrent = 3;
  e.run = [&](std::size_t i, const std::function<bool()>&) { ran[i] += 1; };
  e.done = [&](std::size_t i) {
    const std::lock_guard lock(m);
    CHECK(ran[i] == 1);
    done[i] += 1;
  };
  e.stop = [] { return false; };
  const EnsembleOutcome outcome = group.run(e);
  CHECK(outcome.complete);
  CHECK(outcome.slots == 3);
  CHECK(ran == std::vector<int>(50, 1));
  CHECK(done == std::vector<int>(50, 1));
}

TEST_CASE("local_process_group.a stop leaves the ensemble incomplete and starts no more runs") {
  LocalProcessGroup group;
  std::atomic<int> started{0};
  Ensemble e;
  e.runs = 1000;
  e.concurrent = 2;
  e.run = [&](std::size_t, const std::function<bool()>&) { ++started; };
  e.done = [](std::size_t) {};
  e.stop = [&] { return started.load() >= 10; };
  const EnsembleOutcome outcome = group.run(e);
  CHECK_FALSE(outcome.complete);
  CHECK(started.load() < 1000);
}
