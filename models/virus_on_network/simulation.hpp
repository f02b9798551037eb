#pragma once
// NetLogo's "Virus on a Network" (Stonedahl & Wilensky 2008) on the sentra engine.
//
// Each tick: (1) stop if no node is infected; (2) every node advances its check timer,
// wrapping to 0 at the check frequency; (3) every node infected at the start of the tick
// tries each non-resistant neighbour, which becomes infected with probability spread/100;
// (4) every infected node whose timer is 0 (including those just infected) recovers with
// probability recovery/100, and a recovering node becomes resistant with probability
// gain-resistance/100, otherwise susceptible.
//
// Infection is an OR over infected neighbours, so step (3) is computed by each susceptible
// node looking at its neighbours (it writes only its own slot). The draw for "u infects v
// at tick t" is keyed by (seed, t, u, v), so results do not depend on the thread count.
#include <cstddef>
#include <cstdint>

#include "engine/network_layer.hpp"
#include "engine/scheduler.hpp"
#include "models/virus_on_network/links.hpp"
#include "models/virus_on_network/node_store.hpp"
#include "models/virus_on_network/params.hpp"

namespace sentra::von {

struct Census {
  std::uint64_t susceptible = 0;
  std::uint64_t infected = 0;
  std::uint64_t resistant = 0;
  friend bool operator==(const Census&, const Census&) = default;
};

class VirusSimulation {
 public:
  // Builds the network and does NetLogo's set-up: random timers, `initial_outbreak`
  // distinct random nodes infected. Throws std::invalid_argument on impossible parameters.
  VirusSimulation(const LinkList& graph, const VirusParams& params, int threads);

  // Runs one tick. Returns false, changing nothing, when no node is infected (NetLogo stops).
  bool tick();

  const Census& census() const { return census_; }
  std::uint64_t ticks() const { return ticks_; }
  const NodeStore& nodes() const { return nodes_; }
  std::size_t links() const { return network_.edges() / 2; }
  int threads() const { return scheduler_.threads(); }

 private:
  struct Contact {};  // links carry no state

  VirusParams params_;
  Scheduler scheduler_;
  NetworkLayer<Contact, boost::directedS> network_;  // each link as two arcs
  NodeStore nodes_;
  Census census_;
  std::uint64_t ticks_ = 0;
};

}  // namespace sentra::von
