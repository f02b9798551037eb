#pragma once
// Latin hypercube sampling (McKay, Beckman and Conover 1979): N points in [0, 1)^k such
// that, for every factor, each of the N equal strata [m/N, (m+1)/N) holds exactly one
// point. Every factor's range is covered evenly with N runs, whatever k is, which plain
// random sampling does not guarantee.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace sentra::experiments {

// points[n][f]: factor f's strata in a random order (Fisher-Yates), each point uniform
// within its stratum. Random numbers from a counter-based stream keyed by (seed, factor),
// so a design depends on its seed only. Throws std::invalid_argument for 0 samples.
std::vector<std::vector<double>> latin_hypercube(std::size_t samples, std::size_t factors, std::uint64_t seed);

}  // namespace sentra::experiments
