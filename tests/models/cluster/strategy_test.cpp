// Ansoff strategy choice: the logit shares, noise that shrinks with information, each
// option's effect, and a switched-off strategy leaving results exactly as before it existed.
#include "models/cluster/strategy.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>

#include "hand_built_world.hpp"
#include "models/cluster/simulation.hpp"

using namespace sentra::cluster;
using sentra::Scheduler;

namespace {

// FNV-1a over the bit patterns of every SME's state after a run: any change in any draw or
// any value shows.
std::uint64_t state_digest(const World& w) {
  std::uint64_t h = 1469598103934665603ull;
  auto mix = [&](const void* p, std::size_t n) {
    const auto* b = static_cast<const unsigned char*>(p);
    for (std::size_t k = 0; k < n; ++k) h = (h ^ b[k]) * 1099511628211ull;
  };
  const auto& s = w.sme;
  mix(s.uid.data(), s.uid.size() * sizeof(s.uid[0]));
  mix(s.alive.data(), s.alive.size());
  mix(s.employment.data(), s.employment.size() * sizeof(float));
  mix(s.markup.data(), s.markup.size() * sizeof(float));
  mix(s.quality.data(), s.quality.size() * sizeof(float));
  mix(s.productivity.data(), s.productivity.size() * sizeof(float));
  mix(s.information.data(), s.information.size() * sizeof(float));
  mix(s.net_worth.data(), s.net_worth.size() * sizeof(double));
  const std::uint64_t edges = w.net.sales.edges();
  mix(&edges, sizeof edges);
  return h;
}

// n firms that sell (revenue 10, profit 1 a month) with information I; the option `best` is
// the only one believed to gain, no option costs anything unless `costs`, no inertia.
World choosing_world(std::uint32_t n, float information, const char* best, std::vector<std::string> extra = {}) {
  testing::HandBuilt h;
  h.cluster.assign(n, -1);
  std::vector<std::string> o = {"strategy.enabled=true", "strategy.status_quo_bonus=0", "strategy.sensitivity=50",
                                "strategy.gain_penetration=0", "strategy.gain_market_development=0",
                                "strategy.gain_product_development=0", "strategy.gain_diversification=0",
                                "strategy.cost_penetration=0", "strategy.cost_market_development=0",
                                "strategy.cost_product_development=0", "strategy.cost_diversification=0",
                                std::string("strategy.gain_") + best + "=0.1"};
  o.insert(o.end(), extra.begin(), extra.end());
  World w = testing::hand_built_world(h, o);
  for (std::uint32_t i = 0; i < n; ++i) {
    w.sme.revenue[i] = 10.f;
    w.sme.profit[i] = 1.f;
    w.sme.information[i] = w.sme.information_next[i] = information;
    w.sme.quality[i] = 0.5f;
  }
  return w;
}

std::size_t count(const World& w, Strategy a) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < w.sme.size(); ++i) n += current_strategy(w.sme.strategy[i]) == a;
  return n;
}

}  // namespace

TEST_CASE("choice_shares.are the logit of beta·E/|Pi| plus the bonus of the current strategy, over feasible options") {
  const std::array<double, strategies> e = {1.0, -2.0, 0.5, 3.0};
  const double level = 2.0, beta = 1.5, bonus = 0.7;
  const auto s = choice_shares(e, level, beta, bonus, Strategy::product_development, {true, true, true, true});
  double z = 0, v[4];
  for (int a = 0; a < 4; ++a) z += v[a] = std::exp(beta * e[a] / level + (a == 2 ? bonus : 0.0));
  for (int a = 0; a < 4; ++a) CHECK(s[a] == doctest::Approx(v[a] / z));
  const auto f = choice_shares(e, level, beta, bonus, Strategy::product_development, {true, false, true, false});
  CHECK(f[1] == 0.0);
  CHECK(f[3] == 0.0);
  CHECK(f[0] == doctest::Approx(v[0] / (v[0] + v[2])));
  CHECK(pick(f, 0.0) == 0);
  CHECK(pick(f, 0.999) == 2);
  CHECK(pick({0, 0, 0, 0}, 0.5) == -1);
  CHECK(profit_level(0.0, 0.0, 0.05) > 0.0);                      // no division by zero
  CHECK(profit_level(0.0, 10.0, 0.05) == doctest::Approx(6.0));   // floor: 5% of a year's revenue
}

TEST_CASE("review_strategy.a perfectly informed firm always picks the best option; noise makes uninformed firms err") {
  Scheduler one(1);
  World informed = choosing_world(400, 1.f, "product_development");
  review_strategy(informed, one, 12, 13);
  CHECK(count(informed, Strategy::product_development) == 400);
  World uninformed = choosing_world(400, 0.f, "product_development", {"strategy.noise=1"});
  review_strategy(uninformed, one, 12, 13);
  CHECK(count(uninformed, Strategy::product_development) < 300);
  CHECK(count(uninformed, Strategy::penetration) > 10);
}

TEST_CASE("review_strategy.effects: mark-up cut, quality up, buyer tie wanted, costs paid from net worth") {
  Scheduler one(1);
  World pen = choosing_world(3, 1.f, "penetration", {"strategy.cost_penetration=0.5", "strategy.markup_factor=0.95",
                                                      "strategy.promotion_information=0.1"});
  pen.sme.information[0] = pen.sme.information_next[0] = 0.5f;  // noise shrinks, still picks the best: gain 12 vs 0
  review_strategy(pen, one, 12, 13);
  CHECK(pen.sme.markup[1] == doctest::Approx(0.2 * 0.95));
  CHECK(pen.sme.net_worth[1] == doctest::Approx(100.0 - 0.5 * 10.0));
  CHECK(pen.sme.information_next[0] == doctest::Approx(0.6));
  CHECK((pen.sme.strategy[1] & strategy_chosen) != 0);

  World prod = choosing_world(2, 1.f, "product_development", {"strategy.cost_product_development=0.25", "strategy.quality_gain=0.1"});
  review_strategy(prod, one, 12, 13);
  CHECK(prod.sme.quality[0] == doctest::Approx(0.5 + 0.1 * 0.5));
  CHECK(prod.sme.net_worth[0] == doctest::Approx(100.0 - 2.5));
  CHECK(prod.sme.markup[0] == doctest::Approx(0.2));

  World div = choosing_world(2, 1.f, "diversification", {"strategy.cost_diversification=3", "strategy.gain_diversification=0.5"});
  div.sme.net_worth[1] = 1.0;  // cannot pay F + R: keeps penetration, pays nothing
  review_strategy(div, one, 12, 13);
  CHECK(current_strategy(div.sme.strategy[0]) == Strategy::diversification);
  CHECK((div.sme.strategy[0] & strategy_wants_buyer) != 0);
  CHECK(div.sme.net_worth[0] == doctest::Approx(100.0 - 30.0));
  CHECK(current_strategy(div.sme.strategy[1]) != Strategy::diversification);
  CHECK(div.sme.net_worth[1] <= 1.0);
}

TEST_CASE("learning_factor.diversification costs 20% of capacity the month after, recovering over the year") {
  const auto b = static_cast<std::uint8_t>(strategy_chosen | static_cast<std::uint8_t>(Strategy::diversification));
  CHECK(learning_factor(b, 13, 12, 0.2) == doctest::Approx(0.8));
  CHECK(learning_factor(b, 19, 12, 0.2) == doctest::Approx(0.9));
  CHECK(learning_factor(b, 25, 12, 0.2) == doctest::Approx(1.0));
  CHECK(learning_factor(b, 12, 12, 0.2) == doctest::Approx(1.0));  // the review month itself: already produced
  CHECK(learning_factor(static_cast<std::uint8_t>(Strategy::diversification), 13, 12, 0.2) == 1.0);  // not chosen now
  CHECK(learning_factor(static_cast<std::uint8_t>(strategy_chosen | 2u), 13, 12, 0.2) == 1.0);      // product development
}

TEST_CASE("strategy.in a run, market development adds a sales edge from a buyer of another segment or region at the boundary") {
  auto p = testing::small_params({"strategy.enabled=true", "clusters.review_every=2", "world.compact_every=4", "steps=6",
                                  "strategy.gain_market_development=5", "strategy.cost_market_development=0",
                                  "strategy.status_quo_bonus=0"});
  Simulation sim(p, 2);
  for (int t = 0; t < 3; ++t) sim.step();  // review at month 2
  const auto& w = sim.world();
  std::size_t wanting = 0, edges_before = w.net.sales.edges();
  for (std::size_t i = 0; i < w.sme.size(); ++i) wanting += (w.sme.strategy[i] & strategy_wants_buyer) != 0;
  REQUIRE(wanting > 0);
  sim.step();  // month 3
  sim.step();  // month 4: the boundary adds the ties first
  CHECK(w.strategy_ties_this_step > 0);
  CHECK(w.net.sales.edges() >= edges_before + std::size_t(w.strategy_ties_this_step) - 200);  // exits remove some
}

TEST_CASE("strategy.runs are bit-identical at 1, 2 and 4 threads") {
  auto p = testing::small_params({"strategy.enabled=true", "clusters.review_every=2", "world.compact_every=4", "steps=10"});
  std::uint64_t d[3];
  int k = 0;
  for (int threads : {1, 2, 4}) {
    Simulation sim(p, threads);
    for (int t = 0; t < 10; ++t) sim.step();
    d[k++] = state_digest(sim.world());
  }
  CHECK(d[0] == d[1]);
  CHECK(d[0] == d[2]);
}

TEST_CASE("strategy.off: no firm holds a strategy, and a run matches the pinned digest of the model without strategy choice") {
  // The digest was first pinned on the commit before strategy.cpp existed (12f4d15), and
  // re-pinned when traders' supply prices came to be computed in double precision rather
  // than stored per edge as floats (a change outside strategy choice), and again when
  // products became separate markets (products.hpp; also sme.expectation_weight 0.15): with
  // strategy off, only changes elsewhere in the model may move it. Re-pinned again when traders
  // came to visit clusters (trader_visits.hpp; the second digest, with visits off, was the
  // earlier one), and again, both, when entrants came to take the places exits leave and
  // background exits to fall on compaction months (entry_places.hpp), with big firms offering
  // again in rounds when an SME took another's offer (partnership_formation.cpp); and when
  // entrants came to number the exits' room rounded rather than a Poisson draw (boundary.cpp);
  // and when spin-offs came to be drawn only for entrants of a cluster, from its own firms,
  // instead of moving entrants into clusters (boundary.cpp); and when clustered exporters came
  // to share the export orders they cannot fill with their mates (order_sharing.cpp: two new
  // phases, so the later phases' draws moved too, and a starting balance that includes them);
  // and when exporters came to deliver their mates' goods to their export buyers only, traders
  // to fill home and export orders each at its own rate, and a pair tied twice to share once;
  // and when clustered firms came to pool labour (labour_pooling.hpp): with it off, the run
  // matches the digest of the version before it, so the change moved nothing else.
  Simulation sim(testing::small_params({"steps=26", "strategy.enabled=false"}), 2);
  for (int t = 0; t < 26; ++t) sim.step();
  const auto& w = sim.world();
  for (std::size_t i = 0; i < w.sme.size(); ++i) CHECK(w.sme.strategy[i] == 0);
  CHECK(state_digest(w) == 8980221637051523128ull);
  Simulation no_pooling(testing::small_params({"steps=26", "strategy.enabled=false", "clusters.labour_pooling=0"}), 2);
  for (int t = 0; t < 26; ++t) no_pooling.step();
  CHECK(state_digest(no_pooling.world()) == 7990447763738994168ull);
  Simulation before_visits(testing::small_params({"steps=26", "strategy.enabled=false", "intermediaries.visit_rate=0"}), 2);
  for (int t = 0; t < 26; ++t) before_visits.step();
  CHECK(state_digest(before_visits.world()) == 3522219925917715295ull);
}
