#pragma once
// Parameters of NetLogo's "Virus on a Network" (Stonedahl & Wilensky 2008), with NetLogo's
// defaults. Chances are in percent, as on the NetLogo sliders.
#include <cstdint>

namespace sentra::von {

struct VirusParams {
  std::uint32_t initial_outbreak = 3;   // nodes infected at set-up
  double spread_chance = 2.5;           // % chance per tick that an infected node infects a neighbour
  std::int32_t check_frequency = 1;     // ticks between a node's virus checks
  double recovery_chance = 5.0;         // % chance that a checked infected node recovers
  double gain_resistance_chance = 5.0;  // % chance that a recovering node becomes resistant
  std::uint64_t seed = 1;
};

}  // namespace sentra::von
