#include "models/virus_on_network/simulation.hpp"

#include <stdexcept>
#include <string>
#include <vector>

#include "engine/random.hpp"
#include "engine/reduce.hpp"
#include "models/virus_on_network/streams.hpp"

namespace sentra::von {

namespace {

// Per-block tallies, added in block order (deterministic_reduce).
struct Counts {
  std::uint64_t infected = 0, resistant = 0;
  Counts& operator+=(const Counts& o) {
    infected += o.infected;
    resistant += o.resistant;
    return *this;
  }
};

Census census_of(std::size_t nodes, const Counts& c) {
  return Census{nodes - c.infected - c.resistant, c.infected, c.resistant};
}

void check_params(const LinkList& graph, const VirusParams& p) {
  const auto percent = [](const char* name, double v) {
    if (!(v >= 0.0 && v <= 100.0))
      throw std::invalid_argument(std::string(name) + " must be a percentage in [0, 100], got " + std::to_string(v));
  };
  percent("virus spread chance", p.spread_chance);
  percent("recovery chance", p.recovery_chance);
  percent("gain resistance chance", p.gain_resistance_chance);
  if (p.check_frequency < 1)
    throw std::invalid_argument("virus check frequency must be at least 1 tick, got " + std::to_string(p.check_frequency));
  if (p.initial_outbreak > graph.nodes)
    throw std::invalid_argument("initial outbreak of " + std::to_string(p.initial_outbreak) + " nodes exceeds the " +
                                std::to_string(graph.nodes) + " nodes of the network");
  for (const Link& l : graph.links)
    if (l.a >= graph.nodes || l.b >= graph.nodes)
      throw std::invalid_argument("link " + std::to_string(l.a) + " " + std::to_string(l.b) + " names a node beyond " +
                                  std::to_string(graph.nodes));
}

}  // namespace

VirusSimulation::VirusSimulation(const LinkList& graph, const VirusParams& params, int threads)
    : params_(params), scheduler_(threads) {
  check_params(graph, params);
  std::vector<NetworkLayer<Contact, boost::directedS>::Edge> edges;
  edges.reserve(2 * graph.links.size());
  for (const Link& l : graph.links) {
    edges.push_back({l.a, l.b, Contact{}});
    edges.push_back({l.b, l.a, Contact{}});
  }
  network_.build(graph.nodes, edges);

  const std::size_t n = graph.nodes;
  nodes_.resize(n);
  scheduler_.for_each(n, [&](std::size_t v) {
    RandomStream rs(params_.seed, stream::timer, v, 0, 0);
    nodes_.timer[v] = std::int32_t(rs.below(std::uint64_t(params_.check_frequency)));
  });
  // n-of: a uniformly random set of distinct nodes (Floyd's algorithm).
  RandomStream rs(params_.seed, stream::outbreak, 0, 0, 0);
  for (std::size_t j = n - params_.initial_outbreak; j < n; ++j) {
    const std::size_t t = rs.below(j + 1);
    nodes_.infected[nodes_.infected[t] ? j : t] = 1;
  }
  census_ = census_of(n, deterministic_reduce(scheduler_, n, Counts{}, [&](std::size_t b, std::size_t e) {
    Counts part;
    for (std::size_t v = b; v < e; ++v) {
      part.infected += nodes_.infected[v];
      part.resistant += nodes_.resistant[v];
    }
    return part;
  }));
}

bool VirusSimulation::tick() {
  if (census_.infected == 0) return false;
  const std::uint64_t t = ticks_;
  const std::uint64_t seed = params_.seed;
  const std::int32_t frequency = params_.check_frequency;
  const double spread = params_.spread_chance / 100.0;
  const double recovery = params_.recovery_chance / 100.0;
  const double resistance = params_.gain_resistance_chance / 100.0;
  const std::uint8_t* infected = nodes_.infected.data();
  std::uint8_t* next = nodes_.next_infected.data();
  std::uint8_t* resistant = nodes_.resistant.data();
  std::int32_t* timer = nodes_.timer.data();

  // The three phases touch only node v's own slots (and read neighbours' start-of-tick
  // infection), so one sweep does all of them for each node in turn.
  const Counts after = deterministic_reduce(scheduler_, nodes_.size(), Counts{}, [&](std::size_t b, std::size_t e) {
    Counts part;
    for (std::size_t i = b; i < e; ++i) {
      const auto v = std::uint32_t(i);
      // (2) timer
      std::int32_t clock = timer[v] + 1;
      if (clock >= frequency) clock = 0;
      timer[v] = clock;
      // (3) spread: v is infected by some neighbour u infected at the start of the tick
      bool now = infected[v] != 0;
      if (!now && !resistant[v])
        for (const std::uint32_t u : network_.targets(v))
          if (infected[u] && RandomStream::to_uniform(RandomStream::bits_at(seed, stream::spread, u, t, 0, v)) < spread) {
            now = true;
            break;
          }
      // (4) virus check
      if (now && clock == 0) {
        RandomStream rs(seed, stream::check, v, t, 0);
        if (rs.uniform() < recovery) {
          now = false;
          resistant[v] = rs.uniform() < resistance;
        }
      }
      next[v] = now;
      part.infected += now;
      part.resistant += resistant[v];
    }
    return part;
  });
  nodes_.infected.swap(nodes_.next_infected);
  ++ticks_;
  census_ = census_of(nodes_.size(), after);
  return true;
}

}  // namespace sentra::von
