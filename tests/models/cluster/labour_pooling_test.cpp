// Labour pooling (labour_pooling.hpp): a clustered firm's employment band is narrower by
// clusters.labour_pooling, so it follows a change in demand that an isolated firm absorbs.
#include <doctest/doctest.h>

#include "hand_built_world.hpp"
#include "models/cluster/labour_pooling.hpp"
#include "models/cluster/phases.hpp"

using namespace sentra::cluster;

namespace {

// SME 0 in a cluster, SME 1 outside; 20 workers each, no orders this month, and an expected
// demand that, after this month's update, wants `desired` workers.
World pooling_world(double desired, std::vector<std::string> sets = {}) {
  testing::HandBuilt h;
  h.cluster = {0, -1};
  World w = testing::hand_built_world(h, std::move(sets));
  const auto& p = w.params.sme;
  for (std::uint32_t i = 0; i < 2; ++i) {
    w.sme.employment[i] = 20.f;
    // sme_settle: E <- (1 - omega)·E + omega·0, then desired = E·(1 + buffer)/A.
    w.sme.expected_demand[i] = static_cast<float>(desired * w.sme.productivity[i] / (1.0 + p.output_buffer) /
                                                  (1.0 - p.expectation_weight));
  }
  return w;
}

struct Workers {
  double clustered, other;
};

Workers after_settle(World w) {
  sentra::Scheduler one(1);
  sme_settle(w, sentra::PhaseContext{one, 0, 0});
  return {w.sme.employment[0], w.sme.employment[1]};
}

void check_workers(const Workers& got, double clustered, double other) {
  CHECK(got.clustered == doctest::Approx(clustered));
  CHECK(got.other == doctest::Approx(other));
}

}  // namespace

TEST_CASE("labour_pooling.a clustered firm's band is narrower by clusters.labour_pooling") {
  World w = pooling_world(20);
  REQUIRE(w.params.sme.employment_band == doctest::Approx(0.1));
  REQUIRE(w.params.clusters.labour_pooling == doctest::Approx(0.75));
  CHECK(employment_band_of(w, 0) == doctest::Approx(0.025));
  CHECK(employment_band_of(w, 1) == doctest::Approx(0.1));
  w.params.clusters.labour_pooling = 0.0;
  CHECK(employment_band_of(w, 0) == doctest::Approx(0.1));
}

TEST_CASE("labour_pooling.a fall in demand of 2 of 20 workers: the clustered firm lays one off, the other keeps them") {
  // Bands: clustered 1 + 0.025·20 = 1.5 workers, other 1 + 0.1·20 = 3; gap 2, a tenth closed, at least one.
  check_workers(after_settle(pooling_world(18)), 19, 20);
  check_workers(after_settle(pooling_world(22)), 21, 20);
  // Without pooling both keep their workers; with full pooling only the whole worker is left.
  check_workers(after_settle(pooling_world(18, {"clusters.labour_pooling=0"})), 20, 20);
  check_workers(after_settle(pooling_world(21.2, {"clusters.labour_pooling=1"})), 21, 20);
  check_workers(after_settle(pooling_world(20.9, {"clusters.labour_pooling=1"})), 20, 20);
  // A firm at its desired workforce stays there, in a cluster or not: the steady state is the same.
  check_workers(after_settle(pooling_world(20)), 20, 20);
}
