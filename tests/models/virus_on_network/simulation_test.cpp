#include "models/virus_on_network/simulation.hpp"

#include <doctest/doctest.h>

#include <vector>

#include "models/virus_on_network/random_network.hpp"
#include "models/virus_on_network/spatial_network.hpp"

using namespace sentra::von;

namespace {

struct Trace {
  std::vector<Census> census;  // after set-up, then after each tick
  NodeStore final;
};

Trace run(const LinkList& g, const VirusParams& p, int threads, int ticks) {
  VirusSimulation sim(g, p, threads);
  Trace t;
  t.census.push_back(sim.census());
  for (int i = 0; i < ticks && sim.tick(); ++i) t.census.push_back(sim.census());
  t.final = sim.nodes();
  return t;
}

}  // namespace

TEST_CASE("VirusSimulation.bit-identical at 1, 2 and 4 threads") {
  for (const bool spatial : {true, false}) {
    CAPTURE(spatial);
    const LinkList g = spatial ? build_spatial_network(20000, 6, 11) : build_random_network(20000, 6, 11);
    VirusParams p;
    p.seed = 5;
    p.initial_outbreak = 300;  // a large outbreak, so every rule fires many times
    p.check_frequency = 2;
    const Trace one = run(g, p, 1, 150);
    REQUIRE(one.census.size() > 100);
    std::uint64_t peak = 0;
    for (const auto& c : one.census) peak = std::max(peak, c.infected);
    CHECK(peak > 1000);                       // the epidemic really spread...
    CHECK(one.census.back().resistant > 0);   // ...and nodes gained resistance
    for (const int threads : {2, 4}) {
      CAPTURE(threads);
      const Trace other = run(g, p, threads, 150);
      CHECK(other.census == one.census);
      CHECK(other.final.infected == one.final.infected);
      CHECK(other.final.resistant == one.final.resistant);
      CHECK(other.final.timer == one.final.timer);
    }
    p.seed = 6;
    CHECK(run(g, p, 2, 150).census != one.census);
  }
}

TEST_CASE("VirusSimulation.set-up infects exactly the outbreak and draws timers below the frequency") {
  const LinkList g = build_spatial_network(1000, 6, 3);
  VirusParams p;
  p.initial_outbreak = 17;
  p.check_frequency = 4;
  VirusSimulation sim(g, p, 2);
  CHECK(sim.census().infected == 17);
  CHECK(sim.census().susceptible == 983);
  std::vector<int> seen(4, 0);
  for (const auto t : sim.nodes().timer) {
    REQUIRE(t >= 0);
    REQUIRE(t < 4);
    ++seen[std::size_t(t)];
  }
  for (const int s : seen) CHECK(s > 200);  // all four values, about 250 each
}

TEST_CASE("VirusSimulation.spread 0 never infects anyone new") {
  const LinkList g = build_random_network(5000, 8, 2);
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    VirusParams p;
    p.seed = seed;
    p.spread_chance = 0;
    p.initial_outbreak = 500;
    p.recovery_chance = 2;
    VirusSimulation sim(g, p, 2);
    const std::vector<std::uint8_t> initial = sim.nodes().infected;
    std::uint64_t previous = sim.census().infected;
    while (sim.tick()) {
      for (std::size_t v = 0; v < initial.size(); ++v)
        if (sim.nodes().infected[v]) REQUIRE(initial[v]);
      CHECK(sim.census().infected <= previous);
      previous = sim.census().infected;
    }
    CHECK(sim.census().infected == 0);  // everyone recovered and the run stopped
  }
}

TEST_CASE("VirusSimulation.recovery 0 never reduces the infected count") {
  const LinkList g = build_spatial_network(5000, 6, 4);
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    VirusParams p;
    p.seed = seed;
    p.recovery_chance = 0;
    p.spread_chance = 10;
    VirusSimulation sim(g, p, 2);
    std::uint64_t previous = sim.census().infected;
    for (int t = 0; t < 200; ++t) {
      REQUIRE(sim.tick());
      CHECK(sim.census().infected >= previous);
      CHECK(sim.census().resistant == 0);
      previous = sim.census().infected;
    }
    CHECK(previous > 100);
  }
}

TEST_CASE("VirusSimulation.checks happen only when the timer wraps to 0") {
  // Recovery and resistance certain, no spreading: each initially infected node becomes
  // resistant exactly at the first tick at which its timer, advanced first, reaches 0.
  const LinkList g = build_random_network(2000, 4, 9);
  VirusParams p;
  p.spread_chance = 0;
  p.recovery_chance = 100;
  p.gain_resistance_chance = 100;
  p.check_frequency = 5;
  p.initial_outbreak = 400;
  VirusSimulation sim(g, p, 2);
  const NodeStore start = sim.nodes();
  for (int tick = 1; tick <= 5; ++tick) {
    REQUIRE(sim.tick());
    for (std::size_t v = 0; v < start.size(); ++v) {
      if (!start.infected[v]) continue;
      const int wraps_at = p.check_frequency - start.timer[v];  // ticks until timer == 0
      CHECK(bool(sim.nodes().resistant[v]) == (tick >= wraps_at));
      CHECK(bool(sim.nodes().infected[v]) == (tick < wraps_at));
    }
  }
  CHECK(sim.census().infected == 0);
  CHECK(sim.census().resistant == 400);
  CHECK_FALSE(sim.tick());  // NetLogo stops when no node is infected
  CHECK(sim.ticks() == 5);
}

TEST_CASE("VirusSimulation.recovering without resistance makes nodes susceptible again") {
  const LinkList g = build_random_network(2000, 4, 9);
  VirusParams p;
  p.spread_chance = 0;
  p.recovery_chance = 100;
  p.gain_resistance_chance = 0;
  p.initial_outbreak = 100;
  VirusSimulation sim(g, p, 2);
  REQUIRE(sim.tick());
  CHECK(sim.census() == Census{2000, 0, 0});
}

TEST_CASE("VirusSimulation.impossible parameters are refused") {
  const LinkList g = build_random_network(100, 4, 1);
  VirusParams p;
  p.initial_outbreak = 101;
  CHECK_THROWS_AS(VirusSimulation(g, p, 1), std::invalid_argument);
  p = VirusParams{};
  p.spread_chance = 101;
  CHECK_THROWS_AS(VirusSimulation(g, p, 1), std::invalid_argument);
  p = VirusParams{};
  p.check_frequency = 0;
  CHECK_THROWS_AS(VirusSimulation(g, p, 1), std::invalid_argument);
}
