#include "models/virus_on_network/random_network.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include "engine/random.hpp"
#include "models/virus_on_network/streams.hpp"

namespace sentra::von {

LinkList build_random_network(std::uint32_t nodes, double degree, std::uint64_t seed) {
  if (!(degree >= 0 && degree <= double(nodes ? nodes - 1 : 0)))
    throw std::invalid_argument("average degree must lie in [0, nodes - 1] for G(n, p), got " + std::to_string(degree));
  LinkList g;
  g.nodes = nodes;
  if (nodes < 2 || degree == 0) return g;
  const double p = degree / double(nodes - 1);
  g.links.reserve(std::size_t(double(nodes) * degree / 2.0 * 1.01) + 16);
  RandomStream rs(seed, stream::gnp, 0, 0, 0);
  if (p >= 1.0) {
    for (std::uint32_t v = 1; v < nodes; ++v)
      for (std::uint32_t w = 0; w < v; ++w) g.links.push_back(Link{v, w});
    return g;
  }
  // Pairs (v, w) with w < v in row order; the gap to the next linked pair is geometric.
  const double log_q = std::log1p(-p);
  std::int64_t v = 1, w = -1;
  const auto n = std::int64_t(nodes);
  while (v < n) {
    const double skip = std::floor(std::log(rs.uniform_open()) / log_q);
    if (skip >= double(n) * double(n)) break;  // beyond the last pair (and safe to convert)
    w += 1 + std::int64_t(skip);
    while (w >= v && v < n) {
      w -= v;
      ++v;
    }
    if (v < n) g.links.push_back(Link{std::uint32_t(v), std::uint32_t(w)});
  }
  return g;
}

}  // namespace sentra::von
