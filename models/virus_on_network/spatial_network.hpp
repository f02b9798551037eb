#pragma once
// NetLogo's setup-spatially-clustered-network: nodes at uniform random points of the unit
// square; until there are ceil(nodes * degree / 2) links, a random node links to the nearest
// node it is not yet linked to (a node linked to every other one adds nothing that round).
// A uniform grid of cells makes each nearest-node query look at a few cells instead of all
// nodes (the naive search is quadratic); the result is exactly the naive one.
#include <cstdint>

#include "models/virus_on_network/links.hpp"

namespace sentra::von {

// Throws std::invalid_argument when the links asked for exceed a complete graph.
LinkList build_spatial_network(std::uint32_t nodes, double degree, std::uint64_t seed);

// Number of links the NetLogo loop stops at: ceil(nodes * degree / 2).
std::uint64_t spatial_link_target(std::uint32_t nodes, double degree);

}  // namespace sentra::von
