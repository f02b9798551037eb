#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <utility>
#include <vector>

#include "engine/random.hpp"
#include "models/virus_on_network/random_network.hpp"
#include "models/virus_on_network/spatial_network.hpp"
#include "models/virus_on_network/streams.hpp"

using namespace sentra::von;
using sentra::RandomStream;

namespace {

// NetLogo's loop with the obvious quadratic search, on the same positions and picks.
LinkList naive_spatial(std::uint32_t n, double degree, std::uint64_t seed) {
  std::vector<double> x(n), y(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    RandomStream rs(seed, stream::layout, i, 0, 0);
    x[i] = rs.uniform();
    y[i] = rs.uniform();
  }
  std::set<std::pair<std::uint32_t, std::uint32_t>> linked;
  LinkList g;
  g.nodes = n;
  RandomStream pick(seed, stream::linking, 0, 0, 0);
  while (g.links.size() < spatial_link_target(n, degree)) {
    const auto a = std::uint32_t(pick.below(n));
    std::uint32_t best = n;
    double best_d2 = 0;
    for (std::uint32_t j = 0; j < n; ++j) {
      if (j == a || linked.count({std::min(a, j), std::max(a, j)})) continue;
      const double d2 = (x[j] - x[a]) * (x[j] - x[a]) + (y[j] - y[a]) * (y[j] - y[a]);
      if (best == n || d2 < best_d2) {
        best = j;
        best_d2 = d2;
      }
    }
    if (best == n) continue;
    linked.insert({std::min(a, best), std::max(a, best)});
    g.links.push_back(Link{a, best});
  }
  return g;
}

void check_simple(const LinkList& g) {
  std::set<std::pair<std::uint32_t, std::uint32_t>> seen;
  for (const Link& l : g.links) {
    REQUIRE(l.a < g.nodes);
    REQUIRE(l.b < g.nodes);
    REQUIRE(l.a != l.b);
    REQUIRE(seen.insert({std::min(l.a, l.b), std::max(l.a, l.b)}).second);
  }
}

bool same(const LinkList& p, const LinkList& q) {
  return p.nodes == q.nodes && p.links.size() == q.links.size() &&
         std::equal(p.links.begin(), p.links.end(), q.links.begin(),
                    [](const Link& a, const Link& b) { return a.a == b.a && a.b == b.b; });
}

}  // namespace

TEST_CASE("spatial network.the grid search gives exactly the naive nearest-node network") {
  struct Case {
    std::uint32_t n;
    double degree;
    std::uint64_t seed;
  };
  // Sparse and dense; the dense one links some nodes to every other node (no link that round).
  for (const Case c : {Case{150, 6, 1}, Case{600, 6, 2}, Case{1000, 3.5, 3}, Case{40, 30, 4}, Case{5, 4, 5}, Case{2, 1, 6}}) {
    CAPTURE(c.n);
    CAPTURE(c.degree);
    const LinkList fast = build_spatial_network(c.n, c.degree, c.seed);
    CHECK(fast.links.size() == spatial_link_target(c.n, c.degree));
    check_simple(fast);
    CHECK(same(fast, naive_spatial(c.n, c.degree, c.seed)));
  }
}

TEST_CASE("spatial network.link count, degree and refusals") {
  const LinkList g = build_spatial_network(10001, 6, 9);
  CHECK(g.links.size() == 30003);  // ceil(10001 * 6 / 2)
  CHECK(build_spatial_network(10, 0, 1).links.empty());
  CHECK(build_spatial_network(10, 9, 1).links.size() == 45);  // complete graph
  CHECK_THROWS_AS(build_spatial_network(10, 9.5, 1), std::invalid_argument);
  CHECK_THROWS_AS(build_spatial_network(10, -1, 1), std::invalid_argument);
  CHECK_THROWS_AS(build_spatial_network(10, std::nan(""), 1), std::invalid_argument);
}

TEST_CASE("G(n, p).links are independent with probability degree / (n - 1)") {
  const std::uint32_t n = 20000;
  const LinkList g = build_random_network(n, 6, 12);
  check_simple(g);
  const double pairs = double(n) * (n - 1) / 2, p = 6.0 / (n - 1);
  const double sd = std::sqrt(pairs * p * (1 - p));
  CHECK(std::fabs(double(g.links.size()) - pairs * p) < 5 * sd);
  // Pairs within the first half are a quarter of all pairs: the skips are not biased by row.
  const auto low = std::count_if(g.links.begin(), g.links.end(), [&](const Link& l) { return l.a < n / 2 && l.b < n / 2; });
  const double expected_low = double(n / 2) * (n / 2 - 1) / 2 * p;
  CHECK(std::fabs(double(low) - expected_low) < 5 * std::sqrt(expected_low));
  CHECK(same(g, build_random_network(n, 6, 12)));
  CHECK_FALSE(same(g, build_random_network(n, 6, 13)));
  CHECK(build_random_network(30, 29, 1).links.size() == 435);
  CHECK(build_random_network(30, 0, 1).links.empty());
  CHECK_THROWS_AS(build_random_network(30, 30, 1), std::invalid_argument);
}
