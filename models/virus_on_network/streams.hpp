#pragma once
// Random stream ids of the Virus on a Network model (engine/random.hpp keys streams by
// (seed, stream, agent)): one per use, so a change to one never shifts another's numbers.
#include <cstdint>

namespace sentra::von::stream {
inline constexpr std::uint32_t layout = 1;     // node positions in the plane
inline constexpr std::uint32_t linking = 2;    // which node links next (spatial network)
inline constexpr std::uint32_t gnp = 3;        // G(n, p) edge skips
inline constexpr std::uint32_t timer = 4;      // initial check timers
inline constexpr std::uint32_t outbreak = 5;   // the initially infected nodes
inline constexpr std::uint32_t spread = 6;     // one draw per (tick, source, target)
inline constexpr std::uint32_t check = 7;      // recovery and resistance draws per (tick, node)
}  // namespace sentra::von::stream
