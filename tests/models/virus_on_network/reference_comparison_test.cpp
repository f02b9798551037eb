// The engine's parallel, double-buffered, counter-based model against the model written the
// plain way inside this test: NetLogo's procedures one agent after another, with its own
// generator (std::mt19937_64). The two use different random numbers, so they are compared
// in distribution: mean infected and resistant curves over 200 seeds must agree tick by
// tick within a confidence band, and a deliberately different reference must not.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <vector>

#include "models/virus_on_network/simulation.hpp"
#include "models/virus_on_network/spatial_network.hpp"

using namespace sentra::von;

namespace {

constexpr int seeds = 200;
constexpr int ticks = 200;

struct Curves {
  std::vector<double> infected, resistant;  // per tick (0 = after set-up), one row per seed
};

// NetLogo's setup and go, sequentially.
class Reference {
 public:
  Reference(const LinkList& g, const VirusParams& p, std::uint64_t seed) : p_(p), rng_(seed), neighbours_(g.nodes) {
    for (const Link& l : g.links) {
      neighbours_[l.a].push_back(l.b);
      neighbours_[l.b].push_back(l.a);
    }
    const std::size_t n = g.nodes;
    infected_.assign(n, false);
    resistant_.assign(n, false);
    timer_.assign(n, 0);
    std::uniform_int_distribution<int> timer(0, p.check_frequency - 1);
    for (auto& t : timer_) t = timer(rng_);
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), rng_);
    for (std::uint32_t i = 0; i < p.initial_outbreak; ++i) infected_[order[i]] = true;
  }

  bool go() {
    if (std::none_of(infected_.begin(), infected_.end(), [](bool b) { return b; })) return false;
    for (auto& t : timer_)
      if (++t >= p_.check_frequency) t = 0;
    // spread-virus: the infected agentset is fixed when the ask starts
    std::vector<std::size_t> spreaders;
    for (std::size_t v = 0; v < infected_.size(); ++v)
      if (infected_[v]) spreaders.push_back(v);
    std::shuffle(spreaders.begin(), spreaders.end(), rng_);  // ask visits agents in random order
    for (const std::size_t s : spreaders)
      for (const std::size_t n : neighbours_[s])
        if (!resistant_[n] && percent() < p_.spread_chance) infected_[n] = true;
    // do-virus-checks
    for (std::size_t v = 0; v < infected_.size(); ++v) {
      if (!infected_[v] || timer_[v] != 0) continue;
      if (percent() < p_.recovery_chance) {
        infected_[v] = false;
        resistant_[v] = percent() < p_.gain_resistance_chance;
      }
    }
    return true;
  }

  double infected() const { return double(std::count(infected_.begin(), infected_.end(), true)); }
  double resistant() const { return double(std::count(resistant_.begin(), resistant_.end(), true)); }

 private:
  double percent() { return std::uniform_real_distribution<double>(0.0, 100.0)(rng_); }

  VirusParams p_;
  std::mt19937_64 rng_;
  std::vector<std::vector<std::size_t>> neighbours_;
  std::vector<bool> infected_, resistant_;
  std::vector<int> timer_;
};

Curves engine_curves(const LinkList& g, VirusParams p) {
  Curves c;
  for (int s = 0; s < seeds; ++s) {
    p.seed = std::uint64_t(1000 + s);
    VirusSimulation sim(g, p, 2);
    for (int t = 0; t <= ticks; ++t) {
      if (t > 0) sim.tick();  // after the run stops the counts stay as they are
      c.infected.push_back(double(sim.census().infected));
      c.resistant.push_back(double(sim.census().resistant));
    }
  }
  return c;
}

Curves reference_curves(const LinkList& g, const VirusParams& p) {
  Curves c;
  for (int s = 0; s < seeds; ++s) {
    Reference r(g, p, std::uint64_t(77 + s));
    for (int t = 0; t <= ticks; ++t) {
      if (t > 0) r.go();
      c.infected.push_back(r.infected());
      c.resistant.push_back(r.resistant());
    }
  }
  return c;
}

// Largest |difference of means| / standard error over the ticks (two independent samples).
double worst_z(const std::vector<double>& a, const std::vector<double>& b) {
  double worst = 0;
  for (int t = 0; t <= ticks; ++t) {
    double ma = 0, mb = 0, va = 0, vb = 0;
    for (int s = 0; s < seeds; ++s) {
      ma += a[std::size_t(s * (ticks + 1) + t)];
      mb += b[std::size_t(s * (ticks + 1) + t)];
    }
    ma /= seeds;
    mb /= seeds;
    for (int s = 0; s < seeds; ++s) {
      va += std::pow(a[std::size_t(s * (ticks + 1) + t)] - ma, 2);
      vb += std::pow(b[std::size_t(s * (ticks + 1) + t)] - mb, 2);
    }
    const double se = std::sqrt((va + vb) / (seeds - 1.0) / seeds);
    if (se == 0) {
      if (ma != mb) return INFINITY;
      continue;
    }
    worst = std::max(worst, std::fabs(ma - mb) / se);
  }
  return worst;
}

// 4.5 standard errors: with 201 correlated ticks per curve, a correct model falls outside
// this band with probability well under 1e-3.
constexpr double band = 4.5;

}  // namespace

TEST_CASE("Virus on a Network.mean curves over 200 seeds agree with a plain sequential implementation") {
  const LinkList g = build_spatial_network(150, 6, 2008);  // NetLogo's default network size
  SUBCASE("NetLogo's defaults") {
    const VirusParams p;
    const Curves engine = engine_curves(g, p);
    const Curves reference = reference_curves(g, p);
    CHECK(worst_z(engine.infected, reference.infected) < band);
    CHECK(worst_z(engine.resistant, reference.resistant) < band);
    // The band has teeth: a reference with twice the recovery chance falls outside it.
    VirusParams faster = p;
    faster.recovery_chance = 10;
    CHECK(worst_z(engine.infected, reference_curves(g, faster).infected) > band);
  }
  SUBCASE("checks every 3 ticks, faster spread, more resistance") {
    VirusParams p;
    p.check_frequency = 3;
    p.spread_chance = 5;
    p.gain_resistance_chance = 30;
    p.initial_outbreak = 5;
    const Curves engine = engine_curves(g, p);
    const Curves reference = reference_curves(g, p);
    CHECK(worst_z(engine.infected, reference.infected) < band);
    CHECK(worst_z(engine.resistant, reference.resistant) < band);
    VirusParams every_tick = p;
    every_tick.check_frequency = 1;
    CHECK(worst_z(engine.infected, reference_curves(g, every_tick).infected) > band);
  }
}
