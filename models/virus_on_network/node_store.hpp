#pragma once
// Per-node state as structure-of-arrays, indexed by node id. `infected` is double-buffered:
// a tick reads the state at its start and writes the next one, so nodes infected during
// the spread phase do not spread until the next tick, whatever order threads run in.
#include <cstdint>
#include <vector>

namespace sentra::von {

struct NodeStore {
  std::vector<std::uint8_t> infected;       // state at the start of the tick
  std::vector<std::uint8_t> next_infected;  // written during the tick, swapped in at its end
  std::vector<std::uint8_t> resistant;
  std::vector<std::int32_t> timer;          // virus check timer, in [0, check frequency)

  void resize(std::size_t n) {
    infected.assign(n, 0);
    next_infected.assign(n, 0);
    resistant.assign(n, 0);
    timer.assign(n, 0);
  }
  std::size_t size() const { return infected.size(); }
};

}  // namespace sentra::von
