// Cluster social capital on hand-built worlds whose density, trust, trusted components and
// bridging ties are known, and on a generated world.
#include "models/cluster/social_capital.hpp"

#include <doctest/doctest.h>

#include "hand_built_world.hpp"
#include "models/cluster/simulation.hpp"

using namespace sentra::cluster;
using sentra::Scheduler;

namespace {

// Cluster 0: firms 0-3, ties 0-1 (trust 0.8), 1-2 (0.6), 2-3 (0.2: not trusted). Firm 0 and
// 1 sell to trader 0, who buys only from cluster 0; firm 2 to trader 1, who also buys from
// the unclustered firm 6; firm 3 has a big-firm partner.
// Cluster 1: firms 4, 5 (tie 0.9) and 7, exited, with a tie 4-7 that must not count.
testing::HandBuilt two_clusters() {
  testing::HandBuilt h;
  h.cluster = {0, 0, 0, 0, 1, 1, -1, 1};
  h.dead = {7};
  h.traders = 2;
  h.big_firms = 1;
  h.ties = {{0, 1, 0.8f, 0.8f}, {1, 2, 0.6f, 0.6f}, {2, 3, 0.2f, 0.2f}, {4, 5, 0.9f, 0.9f}, {4, 7, 0.9f, 0.9f}};
  h.supply = {{0, 0}, {0, 1}, {1, 2}, {1, 6}};
  h.partners = {{0, 3}};
  return h;
}

}  // namespace

TEST_CASE("measure_social_capital.density, trust, cohesion, norm and bridging of a hand-built cluster") {
  auto w = testing::hand_built_world(two_clusters());
  Scheduler one(1);
  measure_social_capital(w, one);
  const auto& c = w.cluster;
  REQUIRE(c.members.size() == 2);
  CHECK(c.members[0] == 4);
  // 6 directed ties among 4 firms: 6 / (4·3).
  CHECK(c.density[0] == doctest::Approx(0.5));
  CHECK(c.mean_trust[0] == doctest::Approx((0.8 + 0.6 + 0.2) / 3));
  CHECK(c.social_capital[0] == doctest::Approx(0.5 * (0.8 + 0.6 + 0.2) / 3));
  // Trusted ties (T >= 0.5) link {0, 1, 2}; firm 3 hangs on an untrusted tie.
  CHECK(c.cohesion[0] == doctest::Approx(0.75));
  CHECK(c.norm[0] == doctest::Approx(0.75 * (0.8 + 0.6 + 0.2) / 3));
  // 6 social + 3 trader + 1 partnership ties; outside: trader 1 (also buys from firm 6) and the partnership.
  CHECK(c.bridging[0] == doctest::Approx(0.2));
  // Cluster 1: the exited firm 7 and its tie are ignored.
  CHECK(c.members[1] == 2);
  CHECK(c.density[1] == doctest::Approx(1.0));
  CHECK(c.mean_trust[1] == doctest::Approx(0.9));
  CHECK(c.cohesion[1] == doctest::Approx(1.0));
  CHECK(c.bridging[1] == doctest::Approx(0.0));
}

TEST_CASE("measure_social_capital.the trusted-tie threshold decides the components") {
  // Raised above 0.6, only the 0-1 tie is trusted in cluster 0: the largest group is 2 of 4.
  auto w = testing::hand_built_world(two_clusters(), {"clusters.trusted_tie=0.7"});
  Scheduler one(1);
  measure_social_capital(w, one);
  CHECK(w.cluster.cohesion[0] == doctest::Approx(0.5));
  // Above every trust: no group at all, so no cohesion and no norm, whatever the density.
  auto none = testing::hand_built_world(two_clusters(), {"clusters.trusted_tie=0.95"});
  measure_social_capital(none, one);
  CHECK(none.cluster.cohesion[0] == 0.f);
  CHECK(none.cluster.cohesion[1] == 0.f);
  CHECK(none.cluster.norm[1] == 0.f);
  CHECK(none.cluster.density[1] == doctest::Approx(1.0));
}

TEST_CASE("measure_social_capital.a trader who buys only from one cluster is not a bridge") {
  auto h = two_clusters();
  h.supply = {{0, 0}, {0, 1}, {1, 2}};  // trader 1 no longer buys from the unclustered firm
  auto w = testing::hand_built_world(h);
  Scheduler one(1);
  measure_social_capital(w, one);
  CHECK(w.cluster.bridging[0] == doctest::Approx(0.1));  // only the partnership
}

TEST_CASE("cluster_members.lists live members by cluster in id order") {
  const auto w = testing::hand_built_world(two_clusters());
  const auto m = cluster_members(w);
  const auto zero = m.of(0), one = m.of(1);
  CHECK(std::vector<std::uint32_t>(zero.begin(), zero.end()) == std::vector<std::uint32_t>{0, 1, 2, 3});
  CHECK(std::vector<std::uint32_t>(one.begin(), one.end()) == std::vector<std::uint32_t>{4, 5});
}

TEST_CASE("measure_social_capital.is the same at 1, 2 and 4 threads on a generated world") {
  Simulation sim(testing::small_params({"world.smes=20000", "world.intermediaries=200", "world.buyers=2000"}), 1);
  sim.step();
  auto measure = [&](int threads) {
    World w = sim.world();
    Scheduler s(threads);
    measure_social_capital(w, s);
    return w.cluster;
  };
  const auto a = measure(1), b = measure(2), c = measure(4);
  CHECK(a.cohesion == b.cohesion);
  CHECK(a.cohesion == c.cohesion);
  CHECK(a.social_capital == c.social_capital);
  CHECK(a.bridging == c.bridging);
  // With trust at its starting 0.5 and ~4 ties per firm, most of a cluster is one trusted group.
  double cohesion = 0;
  for (const float x : a.cohesion) cohesion += x;
  CHECK(cohesion / double(a.cohesion.size()) > 0.8);
}
