#pragma once
// Full factorial designs: every combination of every factor's levels, the classic sweep
// (NetLogo's BehaviorSpace, Mesa's batch_run).
#include <cstddef>
#include <span>
#include <vector>

namespace sentra::experiments {

// The number of combinations, or 0 when it would exceed `limit` (or any factor has 0 levels).
std::size_t full_factorial_size(std::span<const std::size_t> levels, std::size_t limit);

// Every combination as level indices, in row-major order: the first factor changes
// slowest and the last fastest, so the design reads like nested loops in the order the
// factors are listed. No factors give one empty combination. Throws std::invalid_argument
// when the count exceeds `limit`.
std::vector<std::vector<std::size_t>> full_factorial(std::span<const std::size_t> levels, std::size_t limit);

}  // namespace sentra::experiments
