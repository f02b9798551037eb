#include "engine/scheduler.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <vector>

TEST_CASE("Scheduler.for_each visits every index exactly once") {
  sentra::Scheduler s(2);
  std::vector<int> hits(100001, 0);
  s.for_each(hits.size(), [&](std::size_t i) { hits[i] += 1; }, 100);
  for (int h : hits) REQUIRE(h == 1);
}

TEST_CASE("Scheduler.for_blocks cuts blocks of the fixed grain regardless of threads") {
  for (int threads : {1, 2, 4}) {
    sentra::Scheduler s(threads);
    std::vector<std::size_t> block_end(1000, 0);
    s.for_blocks(1000, [&](std::size_t b, std::size_t e) {
      for (std::size_t i = b; i < e; ++i) block_end[i] = e - b;
    }, 100);
    // simple_partitioner halves ranges until they are at most the grain
    for (auto len : block_end) CHECK(len <= 100);
  }
}

TEST_CASE("StepPlan.runs phases in order with their index and the step") {
  sentra::Scheduler s(2);
  sentra::StepPlan plan;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> seen;
  plan.add({"a", "first", {"x"}, {"y"}, [&](const sentra::PhaseContext& c) { seen.push_back({c.step, c.phase}); }});
  plan.add({"b", "second", {"y"}, {"z"}, [&](const sentra::PhaseContext& c) { seen.push_back({c.step, c.phase}); }});
  plan.run_step(s, 7);
  REQUIRE(seen.size() == 2);
  CHECK(seen[0] == std::pair<std::uint64_t, std::uint32_t>{7, 1});
  CHECK(seen[1] == std::pair<std::uint64_t, std::uint32_t>{7, 2});
  const auto doc = plan.describe();
  CHECK(doc.find("| 1 | `a` | x | y | first |") != std::string::npos);
  CHECK(doc.find("| 2 | `b` | y | z | second |") != std::string::npos);
}

TEST_CASE("Scheduler.two schedulers live side by side with their own thread counts") {
  sentra::Scheduler one(1), two(2);
  CHECK(one.threads() == 1);
  CHECK(two.threads() == 2);
  std::atomic<int> n{0};
  one.for_each(10, [&](std::size_t) { ++n; });
  two.for_each(10, [&](std::size_t) { ++n; });
  CHECK(n == 20);
}
