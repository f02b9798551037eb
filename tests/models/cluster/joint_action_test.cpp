// Joint action: the joining, free-riding and success rules, benefits only for participants
// of successful projects, trust moving with each co-participant's conduct, and runs that
// stay bit-identical across thread counts.
#include "models/cluster/joint_action.hpp"

#include <doctest/doctest.h>

#include <array>
#include <cstring>
#include <variant>

#include "hand_built_world.hpp"
#include "models/cluster/simulation.hpp"
#include "models/cluster/phases.hpp"
#include "models/cluster/social_capital.hpp"

using namespace sentra::cluster;
using sentra::Scheduler;

namespace {

// A cluster whose firms are all tied to each other, both ways, at `trust`.
void add_cluster(testing::HandBuilt& h, std::uint32_t firms, float trust) {
  const auto first = static_cast<std::uint32_t>(h.cluster.size());
  std::int32_t id = 0;
  for (const auto c : h.cluster) id = std::max(id, c + 1);
  for (std::uint32_t k = 0; k < firms; ++k) h.cluster.push_back(id);
  for (std::uint32_t a = first; a < first + firms; ++a)
    for (std::uint32_t b = a + 1; b < first + firms; ++b) h.ties.push_back({a, b, trust, trust});
}

// Trust on every out-tie of firm i.
std::vector<float> trust_of(const World& w, std::uint32_t i) {
  std::vector<float> t;
  w.net.social.for_out(i, [&](std::uint32_t, std::uint32_t, const SocialEdge& e) { t.push_back(e.trust); });
  return t;
}

void review(World& w, std::uint64_t step = 0) {
  Scheduler one(1);
  measure_social_capital(w, one);
  review_joint_action(w, one, step, 13);
}

double agg(const sentra::StepObservation& o, const char* name) {
  const auto* c = o.aggregates.find(name);
  REQUIRE(c != nullptr);
  return std::get<std::vector<double>>(c->data).at(0);
}

// Only joint purchasing is open (the other fees are prohibitive).
const std::vector<std::string> purchasing_only = {"joint_action.fee_jp=0.1", "joint_action.fee_jm=1e6", "joint_action.fee_sf=1e6"};

}  // namespace

TEST_CASE("joins.needs mean trust at T_min, an expected gain above the fee and the fee in hand") {
  CHECK(joins(0.5, 10.0, 1.0, 100.0, 0.5));
  CHECK_FALSE(joins(0.49, 1000.0, 0.0, 100.0, 0.5));  // below T_min: no gain is enough
  CHECK_FALSE(joins(0.5, 2.0, 1.0, 100.0, 0.5));      // expected gain 0.5 x 2 = 1 is not above the fee
  CHECK(joins(0.5, 2.1, 1.0, 100.0, 0.5));
  CHECK_FALSE(joins(0.9, 100.0, 1.0, 0.5, 0.5));      // cannot pay the fee from net worth
}

TEST_CASE("project_succeeds.too few participants or too many free riders fail the project") {
  CHECK_FALSE(project_succeeds(4, 0, 5, 0.3));   // below n_min
  CHECK(project_succeeds(5, 0, 5, 0.3));
  CHECK(project_succeeds(10, 2, 10, 0.3));       // 20% defect
  CHECK_FALSE(project_succeeds(10, 3, 10, 0.3)); // 30% is not fewer than 30%
  CHECK_FALSE(project_succeeds(20, 20, 5, 0.3)); // everybody free rides
  CHECK_FALSE(project_succeeds(0, 0, 0, 0.3));   // nobody joined
}

TEST_CASE("defection_probability.falls with own trust and the cluster's norm") {
  CHECK(defection_probability(0.5, 0.5, 0.5) == doctest::Approx(0.125));
  CHECK(defection_probability(0.5, 1.0, 0.0) == 0.0);
  CHECK(defection_probability(0.5, 0.2, 1.0) == 0.0);
  CHECK(defection_probability(1.0, 0.0, 0.0) == 1.0);
  CHECK(purchase_saving(0.1, 20, 5) == doctest::Approx(0.025));
  CHECK(purchase_saving(0.1, 20, 40) == doctest::Approx(0.1));
}

TEST_CASE("review_joint_action.benefits go only to participants of successful projects; trust below T_min keeps firms out") {
  testing::HandBuilt h;
  add_cluster(h, 6, 0.9f);  // firms 0-5: enough to succeed
  add_cluster(h, 4, 0.9f);  // firms 6-9: willing, but fewer than the 5 a joint purchase needs
  add_cluster(h, 6, 0.4f);  // firms 10-15: trust below T_min = 0.5
  h.cluster.push_back(-1);  // firm 16: not in a cluster
  auto sets = purchasing_only;
  sets.push_back("joint_action.defection=0");
  auto w = testing::hand_built_world(h, sets);
  review(w);

  const auto& c = w.cluster;
  CHECK(c.participants[0] == 6);
  CHECK(c.succeeded[0] == 1);
  CHECK(c.participants[3] == 4);
  CHECK(c.succeeded[3] == 0);
  CHECK(c.participants[6] == 0);
  CHECK(c.jp_saving[0] == doctest::Approx(0.1 * 6 / 20.0));
  CHECK(c.jp_saving[1] == 0.f);
  for (std::uint32_t i = 0; i < 6; ++i) {
    CHECK(w.sme.joint[i] == (joined_any | benefit_bit(0)));
    CHECK(w.sme.net_worth[i] == doctest::Approx(100.0 - 0.1));  // cooperators pay the fee
    for (const float t : trust_of(w, i)) CHECK(t == doctest::Approx(0.9 + 0.1 * (1 - 0.9)));  // rho+ = 0.1
  }
  for (std::uint32_t i = 6; i < 10; ++i) {
    CHECK(w.sme.joint[i] == joined_any);  // joined, paid, but the project failed: no benefit
    CHECK(w.sme.net_worth[i] == doctest::Approx(100.0 - 0.1));
    for (const float t : trust_of(w, i)) CHECK(t == doctest::Approx(0.91));  // mates still cooperated
  }
  for (std::uint32_t i = 10; i < 17; ++i) {
    CHECK(w.sme.joint[i] == 0);
    CHECK(w.sme.net_worth[i] == 100.0);
    for (const float t : trust_of(w, i)) CHECK(t == 0.4f);
  }
  // The benefit acts from the month after the review (the review month was settled before it).
  for (std::uint32_t i = 0; i < 17; ++i) CHECK(joint_unit_saving(w, i, 0.74f) == 0.f);
  w.step = 1;
  for (std::uint32_t i = 0; i < 17; ++i)
    CHECK(joint_unit_saving(w, i, 0.74f) == doctest::Approx(i < 6 ? 0.1 * 6 / 20.0 * 0.25 : 0.0));
}

TEST_CASE("sme_settle.a joint-purchase benefit saves its holder material cost, from the month after the review") {
  testing::HandBuilt h;
  add_cluster(h, 6, 0.9f);  // succeeds
  add_cluster(h, 4, 0.9f);  // too few
  auto sets = purchasing_only;
  sets.insert(sets.end(), {"joint_action.defection=0", "sme.hazard_micro=0", "sme.hazard_small=0", "sme.hazard_medium=0"});
  auto w = testing::hand_built_world(h, sets);
  for (auto& e : w.sme.expected_demand) e = 9.f;  // plans 9 x 1.1 = 9.9 units: no orders, so no revenue
  review(w);
  w.step = 1;
  Scheduler one(1);
  sme_plan(w, sentra::PhaseContext{one, 1, 1});
  sme_settle(w, sentra::PhaseContext{one, 1, 7});
  const double planned = w.sme.planned_output[0];
  REQUIRE(planned == doctest::Approx(9.9));
  const double saving = 0.1 * 6 / 20.0 * w.params.sme.material_cost * planned;
  for (std::uint32_t i = 0; i < 10; ++i) {
    CHECK(w.offer_price[i] == doctest::Approx(w.offer_price[9]));  // prices stay on the region's cost
    CHECK(double(w.sme.profit[i]) == doctest::Approx(double(w.sme.profit[9]) + (i < 6 ? saving : 0.0)));
    CHECK(sme_value_added(w, i, 1) == doctest::Approx(sme_value_added(w, 9, 1) + (i < 6 ? saving : 0.0)));
    CHECK(sme_value_added(w, i, 0) == doctest::Approx(sme_value_added(w, 9, 0)));  // the review month: not yet
  }
}

TEST_CASE("review_joint_action.free riders cost their mates' trust, pay nothing and can sink the project") {
  testing::HandBuilt h;
  add_cluster(h, 10, 0.6f);
  auto sets = purchasing_only;
  // psi = 1 and no trusted group (so no norm): each participant free rides with p = 0.4.
  sets.insert(sets.end(), {"joint_action.defection=1", "clusters.trusted_tie=0.95"});
  auto w = testing::hand_built_world(h, sets);
  review(w);
  const auto& c = w.cluster;
  REQUIRE(c.participants[0] == 10);
  const auto riders = c.defectors[0];
  CHECK(riders > 0);
  CHECK(riders < 10);
  CHECK(c.succeeded[0] == (double(riders) < 0.3 * 10));
  std::uint32_t counted = 0;
  for (std::uint32_t i = 0; i < 10; ++i) {
    const bool rode = w.sme.joint[i] & free_rode;
    counted += rode;
    CHECK(w.sme.net_worth[i] == doctest::Approx(rode ? 100.0 : 100.0 - 0.1));
    CHECK(bool(w.sme.joint[i] & benefit_bit(0)) == bool(c.succeeded[0]));  // free riders share a success
    w.net.social.for_out(i, [&](std::uint32_t, std::uint32_t j, const SocialEdge& e) {
      const bool mate_rode = w.sme.joint[j] & free_rode;
      CHECK(e.trust == doctest::Approx(mate_rode ? 0.6 * (1 - 0.3) : 0.6 + 0.1 * 0.4));
    });
  }
  CHECK(counted == riders);
}

TEST_CASE("review_joint_action.when (nearly) everybody free rides the project fails and nobody benefits") {
  // Trust 0.01 and no norm: P(free ride) = 0.99 for each of 10 participants (T_min 0, no fee,
  // so they still join); fewer than 3 free riders has a probability of about 1e-16.
  testing::HandBuilt h;
  add_cluster(h, 10, 0.01f);
  auto w = testing::hand_built_world(h, {"joint_action.fee_jp=0", "joint_action.fee_jm=1e6", "joint_action.fee_sf=1e6",
                                         "joint_action.trust_min=0", "joint_action.defection=1", "clusters.trusted_tie=0.95"});
  review(w);
  CHECK(w.cluster.participants[0] == 10);
  CHECK(w.cluster.defectors[0] >= 3);
  CHECK(w.cluster.succeeded[0] == 0);
  CHECK(w.cluster.jp_saving[0] == 0.f);
  w.step = 1;
  for (std::uint32_t i = 0; i < 10; ++i) {
    CHECK((w.sme.joint[i] & benefit_any) == 0);
    CHECK(joint_unit_saving(w, i, 0.74f) == 0.f);
  }
}

TEST_CASE("review_joint_action.a firm can only free ride as often as its trust and the norm allow") {
  // Full trust: nobody free rides whatever psi is.
  testing::HandBuilt h;
  add_cluster(h, 8, 1.0f);
  auto sets = purchasing_only;
  sets.push_back("joint_action.defection=1");
  auto w = testing::hand_built_world(h, sets);
  review(w);
  CHECK(w.cluster.participants[0] == 8);
  CHECK(w.cluster.defectors[0] == 0);
  CHECK(w.cluster.succeeded[0] == 1);
}

TEST_CASE("review_joint_action.off: no projects, no fees, benefits of the last review end with the review month") {
  testing::HandBuilt h;
  add_cluster(h, 6, 0.9f);
  auto sets = purchasing_only;
  sets.push_back("joint_action.enabled=false");
  auto w = testing::hand_built_world(h, sets);
  w.step = 12;
  for (std::uint32_t i = 0; i < 6; ++i) w.sme.joint[i] = benefit_bit(0);  // from an earlier review
  CHECK(benefits(w, 0) == 1u);
  review(w, 12);
  for (std::uint32_t i = 0; i < 6; ++i) {
    CHECK(benefits(w, i) == 1u);  // month 12 itself was settled with them
    CHECK(w.sme.net_worth[i] == 100.0);
  }
  w.step = 13;
  for (std::uint32_t i = 0; i < 6; ++i) CHECK(benefits(w, i) == 0u);
}

TEST_CASE("joint action.in a run, a firm saves only while it holds a benefit, and holds one only from a successful project") {
  Simulation sim(testing::small_params({"steps=2"}), 2);
  sim.step();  // month 0 ends with the first review
  sim.step();  // month 1: the benefits act
  const auto& w = sim.world();
  std::size_t saving = 0, held = 0;
  for (std::size_t i = 0; i < w.sme.size(); ++i) {
    if (!w.sme.alive[i]) continue;
    const auto bits = w.sme.joint[i];
    if (bits) REQUIRE(w.sme.cluster[i] >= 0);
    const auto c = static_cast<std::size_t>(std::max(0, w.sme.cluster[i]));
    REQUIRE(benefits(w, i) == ((bits >> 3) & 7u));  // month 2 is after the review of month 0
    for (std::size_t p = 0; p < projects; ++p) {
      if (!(bits & benefit_bit(p))) continue;
      ++held;
      CHECK((bits & joined_any) != 0);
      CHECK(w.cluster.succeeded[c * projects + p] == 1);
    }
    const bool saves = benefits(w, i) & 5u;
    CHECK((joint_unit_saving(w, i, 0.74f) > 0.f) == saves);
    saving += saves;
  }
  CHECK(held > 20);
  CHECK(saving > 20);
}

TEST_CASE("joint action.the holder series count live clustered firms holding each benefit; export shares add up") {
  Simulation sim(testing::small_params({"steps=2", "social.trust_initial=0.7"}), 2);
  sim.step();
  sim.step();  // month 1: the first review's benefits act
  const auto o = sim.observe(false, false);
  const auto& w = sim.world();
  double clustered = 0, exports = 0, clustered_exports = 0, partnered_exports = 0;
  std::array<double, projects> holding{};
  for (std::size_t i = 0; i < w.sme.size(); ++i) {
    if (!w.sme.alive[i]) continue;
    exports += w.sme.exports[i];
    if (w.net.partnership.in_degree(static_cast<std::uint32_t>(i)) > 0) partnered_exports += w.sme.exports[i];
    if (w.sme.cluster[i] < 0) continue;
    clustered += 1;
    clustered_exports += w.sme.exports[i];
    for (std::size_t p = 0; p < projects; ++p) holding[p] += (benefits(w, i) >> p) & 1u;
  }
  REQUIRE(clustered > 0);
  REQUIRE(exports > 0);
  CHECK(holding[0] > 0);  // a month-1 run with trust 0.7 has joint purchases
  CHECK(agg(o, "joint_purchase_holders") == doctest::Approx(holding[0] / clustered));
  CHECK(agg(o, "joint_marketing_holders") == doctest::Approx(holding[1] / clustered));
  CHECK(agg(o, "shared_facility_holders") == doctest::Approx(holding[2] / clustered));
  CHECK(agg(o, "clustered_export_share") == doctest::Approx(clustered_exports / exports));
  CHECK(agg(o, "partnered_export_share") == doctest::Approx(partnered_exports / exports));
}

TEST_CASE("joint action.higher initial trust raises participation and success at the first review") {
  auto first_review = [](const char* trust) {
    Simulation sim(testing::small_params({std::string("social.trust_initial=") + trust, "steps=1"}), 2);
    sim.step();
    return sim.observe(false, false);
  };
  const auto low = first_review("0.3"), high = first_review("0.7");
  CHECK(agg(low, "joint_participation") == 0.0);
  CHECK(agg(high, "joint_participation") > 0.2);
  CHECK(agg(high, "joint_success_rate") > agg(low, "joint_success_rate"));
  CHECK(agg(high, "mean_cluster_norm") > agg(low, "mean_cluster_norm"));
}

TEST_CASE("joint action.runs with a review every 2 months are bit-identical at 1, 2 and 4 threads") {
  const auto p = testing::small_params({"steps=9", "clusters.review_every=2", "world.compact_every=4",
                                        "social.trust_initial=0.7", "sme.hazard_micro=0.03"});
  auto run = [&](int threads) {
    Simulation sim(p, threads);
    std::string print;
    double succeeded = 0;
    for (std::int64_t t = 0; t < p.steps; ++t) {
      sim.step();
      const auto o = sim.observe(false, false);
      for (const auto& col : o.aggregates.columns)
        std::visit([&](const auto& v) { print.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(v[0])); }, col.data);
      succeeded += agg(o, "joint_success_rate") * agg(o, "joint_projects");
    }
    const auto& w = sim.world();
    print.append(reinterpret_cast<const char*>(w.sme.joint.data()), w.sme.joint.size());
    print.append(reinterpret_cast<const char*>(w.sme.net_worth.data()), w.sme.net_worth.size() * sizeof(double));
    for (const auto& e : w.net.social.edge_list()) print.append(reinterpret_cast<const char*>(&e.prop.trust), sizeof(float));
    CHECK(succeeded > 10);  // the runs do exercise joint action
    return print;
  };
  const auto one = run(1);
  CHECK(one == run(2));
  CHECK(one == run(4));
}
