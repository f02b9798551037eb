#include "experiments/latin_hypercube.hpp"

#include <doctest/doctest.h>

#include <vector>

using namespace sentra::experiments;

TEST_CASE("latin_hypercube.each factor's values hit every stratum exactly once") {
  for (const std::size_t n : {1u, 2u, 7u, 100u}) {
    CAPTURE(n);
    const auto points = latin_hypercube(n, 4, 42);
    REQUIRE(points.size() == n);
    for (std::size_t f = 0; f < 4; ++f) {
      std::vector<int> hits(n, 0);
      for (const auto& p : points) {
        REQUIRE(p.size() == 4);
        CHECK(p[f] >= 0.0);
        CHECK(p[f] < 1.0);
        hits[static_cast<std::size_t>(p[f] * double(n))] += 1;
      }
      for (const int h : hits) CHECK(h == 1);
    }
  }
}

TEST_CASE("latin_hypercube.depends on the seed only") {
  CHECK(latin_hypercube(50, 3, 1) == latin_hypercube(50, 3, 1));
  CHECK(latin_hypercube(50, 3, 1) != latin_hypercube(50, 3, 2));
  // Adding a factor leaves the others' columns as they were (streams keyed by factor).
  const auto three = latin_hypercube(20, 3, 9), four = latin_hypercube(20, 4, 9);
  for (std::size_t n = 0; n < 20; ++n)
    for (std::size_t f = 0; f < 3; ++f) CHECK(three[n][f] == four[n][f]);
}
