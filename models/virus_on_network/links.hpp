#pragma once
// An undirected graph as a list of links: what the generators make, the edge-list files
// hold and the simulation is built from. Each link is stored once, in creation order.
#include <cstdint>
#include <vector>

namespace sentra::von {

struct Link {
  std::uint32_t a;
  std::uint32_t b;
};

struct LinkList {
  std::uint32_t nodes = 0;
  std::vector<Link> links;
};

}  // namespace sentra::von
