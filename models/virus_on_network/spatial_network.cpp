#include "models/virus_on_network/spatial_network.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

#include "engine/random.hpp"
#include "models/virus_on_network/streams.hpp"

namespace sentra::von {

namespace {

// Nodes bucketed by grid cell, their coordinates copied in cell order so a query reads
// memory that lies together.
class Grid {
 public:
  Grid(const std::vector<double>& x, const std::vector<double>& y)
      : side_(side_for(x.size())),
        start_(std::size_t(side_) * std::size_t(side_) + 1, 0),
        id_(x.size()),
        px_(x.size()),
        py_(x.size()) {
    const std::size_t n = x.size();
    const std::size_t cells = start_.size() - 1;
    std::vector<std::uint32_t> cell_of(n);
    for (std::size_t i = 0; i < n; ++i) {
      cell_of[i] = std::uint32_t(cell(column(x[i]), column(y[i])));
      ++start_[cell_of[i] + 1];
    }
    for (std::size_t c = 0; c < cells; ++c) start_[c + 1] += start_[c];
    std::vector<std::uint32_t> fill(start_.begin(), start_.end() - 1);
    for (std::size_t i = 0; i < n; ++i) {  // in id order, so each cell lists ids ascending
      const std::uint32_t slot = fill[cell_of[i]]++;
      id_[slot] = std::uint32_t(i);
      px_[slot] = x[i];
      py_[slot] = y[i];
    }
  }

  // The node nearest to (x, y) among those `eligible` accepts; ties go to the lower id.
  // Returns `none` when no node is eligible.
  template <class Eligible>
  std::uint32_t nearest(std::uint32_t self, double x, double y, Eligible&& eligible) const {
    const std::int64_t cx = column(x), cy = column(y);
    const double width = 1.0 / double(side_);
    std::uint32_t best = none;
    double best_d2 = std::numeric_limits<double>::infinity();
    const auto visit = [&](std::int64_t gx, std::int64_t gy) {
      if (gx < 0 || gy < 0 || gx >= side_ || gy >= side_) return;
      const std::size_t c = cell(gx, gy);
      for (std::uint32_t s = start_[c]; s < start_[c + 1]; ++s) {
        const std::uint32_t j = id_[s];
        if (j == self) continue;
        const double dx = px_[s] - x, dy = py_[s] - y;
        const double d2 = dx * dx + dy * dy;
        if ((d2 < best_d2 || (d2 == best_d2 && j < best)) && eligible(j)) {
          best = j;
          best_d2 = d2;
        }
      }
    };
    const std::int64_t last_ring = std::max({cx, side_ - 1 - cx, cy, side_ - 1 - cy});
    for (std::int64_t r = 0; r <= last_ring; ++r) {
      if (r == 0) {
        visit(cx, cy);
      } else {
        for (std::int64_t gx = cx - r; gx <= cx + r; ++gx) {
          visit(gx, cy - r);
          visit(gx, cy + r);
        }
        for (std::int64_t gy = cy - r + 1; gy <= cy + r - 1; ++gy) {
          visit(cx - r, gy);
          visit(cx + r, gy);
        }
      }
      // Every node in a ring beyond r lies more than r cell widths away from (x, y).
      const double reach = double(r) * width;
      if (best != none && best_d2 <= reach * reach) break;
    }
    return best;
  }

  static constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();

 private:
  // About two nodes per cell.
  static std::int64_t side_for(std::size_t n) {
    return std::max<std::int64_t>(1, std::int64_t(std::sqrt(double(n) / 2.0)));
  }
  std::int64_t column(double v) const { return std::min<std::int64_t>(side_ - 1, std::int64_t(v * double(side_))); }
  std::size_t cell(std::int64_t gx, std::int64_t gy) const { return std::size_t(gy) * std::size_t(side_) + std::size_t(gx); }

  std::int64_t side_;
  std::vector<std::uint32_t> start_, id_;
  std::vector<double> px_, py_;
};

}  // namespace

std::uint64_t spatial_link_target(std::uint32_t nodes, double degree) {
  return std::uint64_t(std::ceil(double(nodes) * degree / 2.0));
}

LinkList build_spatial_network(std::uint32_t nodes, double degree, std::uint64_t seed) {
  if (!(degree >= 0 && degree <= double(nodes)))
    throw std::invalid_argument("average degree must lie in [0, nodes], got " + std::to_string(degree));
  const std::uint64_t target = spatial_link_target(nodes, degree);
  const std::uint64_t complete = std::uint64_t(nodes) * (nodes ? nodes - 1 : 0) / 2;
  if (target > complete)
    throw std::invalid_argument("average degree " + std::to_string(degree) + " needs " + std::to_string(target) +
                                " links, more than the " + std::to_string(complete) + " a complete graph on " +
                                std::to_string(nodes) + " nodes has");
  LinkList g;
  g.nodes = nodes;
  if (target == 0) return g;

  std::vector<double> x(nodes), y(nodes);
  for (std::uint32_t i = 0; i < nodes; ++i) {
    RandomStream rs(seed, stream::layout, i, 0, 0);
    x[i] = rs.uniform();
    y[i] = rs.uniform();
  }
  const Grid grid(x, y);

  // Who each node is linked to; a node has few links, so a linear scan beats a hash set.
  std::vector<std::vector<std::uint32_t>> linked(nodes);
  const auto is_linked = [&](std::uint32_t a, std::uint32_t b) {
    const auto& l = linked[a].size() <= linked[b].size() ? linked[a] : linked[b];
    const std::uint32_t other = &l == &linked[a] ? b : a;
    return std::find(l.begin(), l.end(), other) != l.end();
  };

  g.links.reserve(target);
  RandomStream pick(seed, stream::linking, 0, 0, 0);
  while (g.links.size() < target) {
    const auto a = std::uint32_t(pick.below(nodes));
    const std::uint32_t b = grid.nearest(a, x[a], y[a], [&](std::uint32_t j) { return !is_linked(a, j); });
    if (b == Grid::none) continue;  // a is linked to every other node
    linked[a].push_back(b);
    linked[b].push_back(a);
    g.links.push_back(Link{a, b});
  }
  return g;
}

}  // namespace sentra::von
