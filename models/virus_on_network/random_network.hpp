#pragma once
// Erdős–Rényi G(n, p) with p = degree / (n - 1): each of the n(n-1)/2 node pairs is linked
// independently with probability p. Pairs are visited in a fixed order and the gaps between
// links drawn as geometric skips (Batagelj & Brandes 2005), so the work is O(n + links).
#include <cstdint>

#include "models/virus_on_network/links.hpp"

namespace sentra::von {

LinkList build_random_network(std::uint32_t nodes, double degree, std::uint64_t seed);

}  // namespace sentra::von
