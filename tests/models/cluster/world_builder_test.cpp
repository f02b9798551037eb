#include "models/cluster/world_builder.hpp"

#include <doctest/doctest.h>

#include <set>

#include "model_fixture.hpp"
#include "models/cluster/buyer_utility.hpp"
#include "models/cluster/simulation.hpp"

using namespace sentra::cluster;

TEST_CASE("EmploymentDistribution.matches the class mean within its band") {
  for (auto [lo, hi, mean] : {std::tuple{1, 4, 1.7}, std::tuple{5, 19, 6.6}, std::tuple{20, 99, 72.1}}) {
    EmploymentDistribution d(lo, hi, mean);
    CHECK(d.mean() == doctest::Approx(mean).epsilon(1e-6));
    CHECK(d.draw(0.0) == float(lo));
    CHECK(d.draw(0.999999999) == float(hi));
    double sum = 0;
    for (int k = 0; k < 10000; ++k) sum += d.draw((k + 0.5) / 10000.0);
    CHECK(sum / 10000 == doctest::Approx(mean).epsilon(0.01));
  }
}

TEST_CASE("build_world.size classes follow the configured shares and bands") {
  auto p = testing::small_params({"world.smes=200000", "world.buyers=1000", "world.intermediaries=100",
                                  "social.ties_per_clustered_sme=0", "buyers.links_traditional=1",
                                  "buyers.links_modern=1", "buyers.links_export=1"});
  const World w = build_world(p);
  std::array<double, 4> count{}, workers{};
  for (std::size_t i = 0; i < w.sme.size(); ++i) {
    const auto c = static_cast<std::size_t>(size_class(w.sme.employment[i]));
    count[c] += 1;
    workers[c] += w.sme.employment[i];
  }
  const double n = double(w.sme.size());
  CHECK(count[0] / n == doctest::Approx(0.9892 / 0.9999).epsilon(0.002));
  CHECK(count[1] / n == doctest::Approx(0.0099 / 0.9999).epsilon(0.06));
  CHECK(workers[0] / count[0] == doctest::Approx(1.7).epsilon(0.01));
  CHECK(workers[1] / count[1] == doctest::Approx(6.6).epsilon(0.03));
  CHECK(count[3] == 0);
}

TEST_CASE("build_world.is deterministic in the seed and differs across seeds") {
  const auto p = testing::small_params();
  const World a = build_world(p), b = build_world(p);
  CHECK(a.sme.employment == b.sme.employment);
  CHECK(a.sme.productivity == b.sme.productivity);
  CHECK(a.net.sales.edges() == b.net.sales.edges());
  const World c = build_world(testing::small_params({"seed=99"}));
  CHECK(a.sme.productivity != c.sme.productivity);
}

TEST_CASE("build_world.links every agent kind in the network layers") {
  const World w = build_world(testing::small_params());
  const auto& sp = w.net.space;
  CHECK(sp.total() == w.sme.size() + w.intermediary.size() + w.buyer.size() + w.big_firm.size());
  CHECK(w.net.supply.edges() > w.sme.size());       // 1.5 traders per SME
  CHECK(w.net.sales.edges() > 0);
  CHECK(w.net.social.edges() > 0);
  CHECK(w.net.partnership.edges() > 0);
  // supply edges go from traders to SMEs of the same product, and of the same region unless
  // the region has no trader of that product (5 traders a region here cannot cover 6 products)
  std::set<std::pair<std::uint16_t, std::uint8_t>> traded;
  for (std::uint32_t m = 0; m < sp.intermediaries; ++m) traded.insert({w.intermediary.region[m], w.intermediary.product[m]});
  std::size_t far = 0;
  for (std::uint32_t m = 0; m < sp.intermediaries; ++m)
    w.net.supply.for_out(sp.intermediary_offset() + m, [&](std::uint32_t, std::uint32_t j, const SupplyEdge&) {
      REQUIRE(j < sp.smes);
      CHECK(w.sme.product[j] == w.intermediary.product[m]);
      if (w.sme.region[j] != w.intermediary.region[m]) {
        CHECK(traded.count({w.sme.region[j], w.sme.product[j]}) == 0);
        ++far;
      }
    });
  CHECK(far > 0);  // the fallback is exercised
  // social ties stay inside a cluster
  for (std::uint32_t i = 0; i < sp.smes; ++i)
    w.net.social.for_out(i, [&](std::uint32_t, std::uint32_t j, const SocialEdge& e) {
      CHECK(w.sme.cluster[i] == w.sme.cluster[j]);
      CHECK(w.sme.cluster[i] >= 0);
      CHECK(e.trust == doctest::Approx(0.5));
    });
}

TEST_CASE("set_initial_budgets.big firms start with the starting balance's sales and exports as last month's") {
  // Partner SMEs export the share of their goods their big firm exported last month; in
  // month 0 that is the starting balance's, not 0 (docs/model.md §5.5).
  const World w = build_world(testing::small_params());
  const auto& sp = w.net.space;
  REQUIRE(sp.big_firms > 0);
  bool some_export = false;
  for (std::uint32_t k = 0; k < sp.big_firms; ++k) {
    const auto o = sp.big_firm_offset() + k;
    double buyers = 0, exporters = 0;
    for (std::uint32_t b = 0; b < sp.buyers; ++b)
      w.net.sales.for_out(sp.buyer_offset() + b, [&](std::uint32_t, std::uint32_t t, const SalesEdge&) {
        if (t != o || !can_buy(w, buyer_taste(w, b), o)) return;
        buyers += 1;
        exporters += w.buyer.segment[b] == Segment::exporter;
      });
    if (buyers == 0) continue;
    CHECK(w.big_firm.sold[k] == doctest::Approx(w.offer_capacity[o]));
    CHECK(w.big_firm.revenue[k] == doctest::Approx(double(w.offer_capacity[o]) * w.offer_price[o]));
    CHECK(w.big_firm.exports[k] == doctest::Approx(double(w.big_firm.revenue[k]) * exporters / buyers));
    some_export = some_export || w.big_firm.exports[k] > 0.f;
  }
  CHECK(some_export);
}

TEST_CASE("month 0.partner SMEs export through their big firms from the first month") {
  Simulation sim(testing::small_params(), 1);
  sim.step();
  const auto o = sim.observe(false, false);
  const auto* via = o.aggregates.find("sme_exports_via_partners");
  REQUIRE(via != nullptr);
  CHECK(std::get<std::vector<double>>(via->data).at(0) > 0.0);
}
