#include "experiments/morris.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <set>
#include <stdexcept>
#include <vector>

using namespace sentra::experiments;

TEST_CASE("morris_trajectories.move one factor at a time by +-Delta on the grid") {
  const std::size_t r = 20, k = 5, p = 4;
  const auto t = morris_trajectories(r, k, p, 11);
  CHECK(t.delta == doctest::Approx(2.0 / 3.0));
  REQUIRE(t.points.size() == r * (k + 1));
  REQUIRE(t.moved.size() == r * k);
  for (std::size_t traj = 0; traj < r; ++traj) {
    std::set<std::size_t> moved;
    for (std::size_t s = 0; s <= k; ++s) {
      const auto& x = t.points[traj * (k + 1) + s];
      for (const double v : x) {
        CHECK(v >= 0.0);
        CHECK(v <= 1.0);
        const double level = v * double(p - 1);
        CHECK(level == std::round(level));  // on the grid
      }
      if (s == 0) continue;
      const auto& before = t.points[traj * (k + 1) + s - 1];
      std::size_t changed = 0;
      for (std::size_t i = 0; i < k; ++i)
        if (x[i] != before[i]) {
          ++changed;
          CHECK(i == t.moved[traj * k + s - 1]);
          CHECK(std::fabs(std::fabs(x[i] - before[i]) - t.delta) < 1e-12);
        }
      CHECK(changed == 1);
      moved.insert(t.moved[traj * k + s - 1]);
    }
    CHECK(moved.size() == k);  // each factor moves exactly once per trajectory
  }
}

TEST_CASE("morris_trajectories.depend on the seed only, and move both ways") {
  const auto a = morris_trajectories(10, 3, 6, 5);
  const auto b = morris_trajectories(10, 3, 6, 5);
  CHECK(a.points == b.points);
  CHECK(a.moved == b.moved);
  CHECK(morris_trajectories(10, 3, 6, 6).points != a.points);
  int up = 0, down = 0;
  for (std::size_t t = 0; t < 10; ++t)
    for (std::size_t s = 1; s <= 3; ++s) {
      const std::size_t i = a.moved[t * 3 + s - 1];
      (a.points[t * 4 + s][i] > a.points[t * 4 + s - 1][i] ? up : down) += 1;
    }
  CHECK(up > 0);
  CHECK(down > 0);
  CHECK_THROWS_AS(morris_trajectories(4, 3, 5, 1), std::invalid_argument);  // odd levels
  CHECK_THROWS_AS(morris_trajectories(0, 3, 4, 1), std::invalid_argument);
}

TEST_CASE("morris_effects.of a linear function: mu = mu* = |slope|, sigma = 0") {
  // y = 3 x1 - 2 x2 + 0 x3: every elementary effect of factor i is exactly its slope.
  const auto t = morris_trajectories(12, 3, 4, 2);
  std::vector<double> y;
  for (const auto& x : t.points) y.push_back(3 * x[0] - 2 * x[1]);
  const auto e = morris_effects(t, y);
  REQUIRE(e.size() == 3);
  CHECK(e[0].mu == doctest::Approx(3.0));
  CHECK(e[0].mu_star == doctest::Approx(3.0));
  CHECK(e[0].sigma == doctest::Approx(0.0).epsilon(1e-9));
  CHECK(e[1].mu == doctest::Approx(-2.0));
  CHECK(e[1].mu_star == doctest::Approx(2.0));
  CHECK(e[2].mu_star == 0.0);
}

TEST_CASE("morris_effects.an interaction shows as sigma") {
  // y = x1 x2: the effect of x1 depends on x2, so its effects vary between trajectories.
  const auto t = morris_trajectories(30, 2, 4, 9);
  std::vector<double> y;
  for (const auto& x : t.points) y.push_back(x[0] * x[1]);
  const auto e = morris_effects(t, y);
  CHECK(e[0].sigma > 0.1);
  CHECK(e[0].mu_star > 0.1);
}
