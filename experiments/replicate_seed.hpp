#pragma once
// Common random numbers: replicate r of every scenario runs with the same seed, so scenario
// differences are measured on the same draws (same starting firms, same shocks) and the
// paired difference of replicate r carries little of the runs' own noise.
//
// The seed of replicate r is base + r. Random streams are keyed by the seed itself
// (engine/random.hpp: Philox key = (seed, stream, agent)), so consecutive seeds give
// unrelated streams, and any run of a comparison is reproduced by `sentra run SCENARIO
// --seed <base + r>`.
#include <cstddef>
#include <cstdint>
#include <string>

namespace sentra::experiments {

inline std::uint64_t replicate_seed(std::uint64_t base, std::size_t replicate) {
  return base + static_cast<std::uint64_t>(replicate);
}

// The rule in words, for reports and file attributes.
inline std::string replicate_seed_rule(std::uint64_t base) {
  return "replicate r runs with seed " + std::to_string(base) + " + r in every scenario";
}

}  // namespace sentra::experiments
