#include "models/cluster/simulation.hpp"

#include <doctest/doctest.h>

#include <cstring>
#include <set>
#include <variant>

#include "model_fixture.hpp"
#include "models/cluster/phases.hpp"
#include "models/cluster/products.hpp"
#include "models/cluster/supply_orders.hpp"
#include "models/cluster/world_builder.hpp"

using namespace sentra::cluster;
using sentra::StepObservation;

namespace {

double agg(const StepObservation& o, const char* name) {
  const auto* c = o.aggregates.find(name);
  REQUIRE(c != nullptr);
  return std::get<std::vector<double>>(c->data).at(0);
}

// Bytes of every column of every table: equal only when the runs are bit-identical.
std::string fingerprint(const StepObservation& o) {
  std::string out;
  auto add_table = [&](const sentra::Table& t) {
    for (const auto& c : t.columns) {
      out += c.name;
      std::visit([&](const auto& v) {
        out.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(v[0]));
      }, c.data);
    }
  };
  add_table(o.aggregates);
  add_table(o.regions);
  for (const auto& t : o.agents) add_table(t.table);
  for (const auto& t : o.network) add_table(t.table);
  return out;
}

std::vector<std::string> run(const Params& p, int threads) {
  Simulation sim(p, threads);
  std::vector<std::string> prints;
  for (std::int64_t t = 0; t < p.steps; ++t) {
    sim.step();
    prints.push_back(fingerprint(sim.observe(true, true)));
  }
  return prints;
}

}  // namespace

TEST_CASE("Simulation.is bit-identical at 1, 2 and 4 threads, across compactions") {
  const auto p = testing::small_params({"steps=14", "world.compact_every=5", "sme.hazard_micro=0.05"});
  const auto one = run(p, 1);
  CHECK(one == run(p, 2));
  CHECK(one == run(p, 4));
}

TEST_CASE("Simulation.a different seed gives different results") {
  const auto a = run(testing::small_params({"steps=3"}), 2);
  const auto b = run(testing::small_params({"steps=3", "seed=12345"}), 2);
  CHECK(a.back() != b.back());
}

TEST_CASE("sme_plan.the ask is the month's mark-up on labour, material and transport per unit") {
  Simulation sim(testing::small_params(), 1);
  const std::vector<float> markup = sim.world().sme.markup;  // settlement adapts it after the plan
  sim.step();
  const auto& w = sim.world();
  const auto& p = w.params.sme;
  for (std::size_t i = 0; i < 50; ++i) {
    if (!w.sme.alive[i]) continue;
    const auto r = w.sme.region[i];
    const float cost = w.region.unit_labour_cost[r] + float(p.material_cost) + transport_cost(w, r);
    CHECK(sme_unit_cost(w, r) == doctest::Approx(cost));
    CHECK(w.offer_price[i] == doctest::Approx((1.f + markup[i]) * cost));
  }
}

TEST_CASE("buyer_choice.the import share starts where calibrated; a prohibitive tariff drives it to zero, free trade raises it") {
  // The logit's constants are calibrated to buyers.import_share_initial at the start, so a
  // tariff moves the share from there when it changes (a timeline event at month 1).
  auto run_with_tariff = [](double tariff) {
    auto p = testing::small_params({"steps=3"});
    for (const auto& product : product_catalogue)
      p.timeline.push_back({1, "products." + std::string(product.key) + ".import_tariff", tariff, -1, {}});
    Simulation sim(p, 2);
    std::vector<double> share;
    for (int t = 0; t < 3; ++t) {
      sim.step();
      share.push_back(agg(sim.observe(false, false), "import_share"));
    }
    return share;
  };
  const auto closed = run_with_tariff(10.0);
  const auto open = run_with_tariff(0.0);
  CHECK(closed[0] == doctest::Approx(0.1).epsilon(0.15));  // import_share_initial = 0.1
  CHECK(open[0] == closed[0]);
  CHECK(closed[2] < 0.01);
  CHECK(open[2] > closed[0] + 0.01);
}

TEST_CASE("buyer_choice.export buyers never buy directly from SMEs below the quality floor") {
  Simulation sim(testing::small_params({"buyers.quality_floor_export=1.0", "buyers.quality_floor_modern=1.0"}), 2);
  sim.step();
  const auto& w = sim.world();
  const auto base = w.net.space.buyer_offset();
  for (std::uint32_t b = 0; b < w.buyer.size(); ++b) {
    if (w.buyer.segment[b] == Segment::traditional) continue;
    w.net.sales.for_out(base + b, [&](std::uint32_t e, std::uint32_t seller, const SalesEdge&) {
      if (seller < w.net.space.smes) CHECK(w.sales_order[e] == 0.f);
    });
  }
}

TEST_CASE("sme_settle.through traders an SME perceives only theta = pass-through + (1 - pass-through) x information of the orders") {
  const auto p = testing::small_params({"intermediaries.signal_pass_through=0.3", "steps=2"});
  Simulation sim(p, 1);
  const std::vector<float> information = sim.world().sme.information;  // what the month uses
  sim.step();
  const auto& w = sim.world();
  std::size_t checked = 0;
  for (std::uint32_t i = 0; i < w.sme.size(); ++i) {
    if (!w.sme.alive[i]) continue;
    double via = 0;
    w.net.supply.for_in(i, [&](std::uint32_t, std::uint32_t src, const SupplyEdge& tie) {
      via += supply_order(w, src - w.net.space.intermediary_offset(), i, tie).units;
    });
    const double theta = 0.3 + 0.7 * information[i];
    if (via > 0) ++checked;
    CHECK(w.sme.intermediary_signal[i] == doctest::Approx(theta * via).epsilon(1e-5));
  }
  CHECK(checked > 1000);
  // At the start traders order 1/theta of what keeps each SME at its size, so what it
  // perceives is what it planned on (the market starts in balance).
  double perceived = 0, planned = 0;
  for (std::uint32_t i = 0; i < w.sme.size(); ++i) {
    if (!w.sme.alive[i]) continue;
    double direct = 0;
    w.net.sales.for_in(i, [&](std::uint32_t e, std::uint32_t, const SalesEdge&) { direct += w.sales_order[e]; });
    double partner = 0;
    w.net.partnership.for_in(i, [&](std::uint32_t e, std::uint32_t, const PartnershipEdge&) { partner += w.partner_order[e]; });
    perceived += direct + partner + w.sme.intermediary_signal[i];
    planned += double(w.sme.productivity[i]) * w.sme.employment[i] / (1.0 + p.sme.output_buffer);
  }
  CHECK(perceived == doctest::Approx(planned).epsilon(0.1));
}

TEST_CASE("sme_settle.firms that sell nothing cannot pay wages and go bankrupt") {
  Simulation sim(testing::small_params({"buyers.demand_to_capacity=0", "sme.initial_net_worth_months=0", "sme.bankruptcy_months=0",
                                        "sme.hazard_micro=0", "sme.hazard_small=0", "sme.hazard_medium=0",
                                        "big_firms.partnered_share_micro=0", "big_firms.partnered_share_small=0",
                                        "big_firms.partnered_share_medium=0"}), 2);
  sim.step();
  const auto o = sim.observe(false, false);
  CHECK(agg(o, "exits") == doctest::Approx(1500));
  CHECK(agg(o, "smes") == 0);
}

TEST_CASE("social_ties.without information gaps trust only rises; with large gaps it falls") {
  Simulation calm(testing::small_params({"social.information_gap_distrust=0", "social.meeting_probability=1",
                                         "social.trust_drift=0"}), 2);
  Simulation tense(testing::small_params({"social.information_gap_distrust=100", "social.meeting_probability=1",
                                          "social.trust_drift=0", "sme.information_dispersion=0.8"}), 2);
  calm.step();
  tense.step();
  CHECK(agg(calm.observe(false, false), "mean_trust") > 0.5);
  CHECK(agg(tense.observe(false, false), "mean_trust") < 0.5);
}

TEST_CASE("Simulation.timeline events take effect at their month and are recorded") {
  auto p = testing::small_params({"steps=4"});
  p.timeline.push_back({2, "products.clothing.import_tariff", 0.0, -1, {}});
  p.timeline.push_back({1, "policy.levy_rate", 0.05, 1, {}});
  Simulation sim(p, 1);
  sim.step();
  CHECK(sim.world().params.products[2].import_tariff == doctest::Approx(0.08));
  sim.step();
  CHECK(sim.world().region.levy_rate[1] == doctest::Approx(0.05f));
  CHECK(sim.world().region.levy_rate[0] == doctest::Approx(0.02f));
  sim.step();
  CHECK(sim.world().params.products[2].import_tariff == 0.0);
  CHECK(sim.world().params.products[0].import_tariff == doctest::Approx(0.08));  // other products keep theirs
  REQUIRE(sim.world().applied_events.size() == 2);
  CHECK(sim.world().applied_events[0].step == 1);
  CHECK(sim.world().applied_events[1].key == "products.clothing.import_tariff");
}

TEST_CASE("compact_and_enter.removes exited firms, adds entrants and keeps the network consistent") {
  Simulation sim(testing::small_params({"world.compact_every=2", "sme.hazard_micro=0.1", "sme.entry_rate=0.05"}), 2);
  sim.step();
  sim.step();
  const auto before = sim.observe(false, false);
  sim.step();  // the boundary runs first: compaction and entry
  const auto& w = sim.world();
  CHECK(w.entries_this_step > 0);
  CHECK(w.sme.size() == std::size_t(agg(before, "smes")) + std::size_t(w.entries_this_step));
  std::set<std::uint32_t> uids(w.sme.uid.begin(), w.sme.uid.end());
  CHECK(uids.size() == w.sme.size());
  const auto V = w.net.space.total();
  CHECK(w.net.sales.vertices() == V);
  CHECK(w.offer_price.size() == V);
  for (std::uint32_t v = 0; v < V; ++v)
    w.net.supply.for_out(v, [&](std::uint32_t, std::uint32_t j, const SupplyEdge&) {
      CHECK(v >= w.net.space.intermediary_offset());
      CHECK(v < w.net.space.buyer_offset());
      CHECK(j < w.net.space.smes);
    });
}

TEST_CASE("input tariffs.material cost is priced at the starting input tariff and moves with (1 + t)/(1 + t0)") {
  auto p = testing::small_params({"steps=3", "trade.input_tariff=0.1"});
  p.timeline.push_back({1, "trade.input_tariff", 0.0, -1, {}});
  Simulation sim(p, 2);
  CHECK(material_cost(sim.world()) == doctest::Approx(p.sme.material_cost));
  const float before = sme_unit_cost(sim.world(), 0);
  sim.step();
  sim.step();  // month 1: the cut applies
  CHECK(material_cost(sim.world()) == doctest::Approx(p.sme.material_cost / 1.1));
  CHECK(sme_unit_cost(sim.world(), 0) == doctest::Approx(before - p.sme.material_cost * (1.0 - 1.0 / 1.1)).epsilon(1e-5));
}

TEST_CASE("sme_plan.raw material runs short at the configured chance, less often with better infrastructure, and cuts planned output") {
  auto planned_share = [](std::vector<std::string> sets) {
    sets.push_back("sme.material_shortfall_depth=0.5");
    World w = build_world(testing::small_params(sets));
    sentra::Scheduler one(1);
    sme_plan(w, sentra::PhaseContext{one, 0, 1});
    double cut = 0, n = 0;
    for (std::size_t i = 0; i < w.sme.size(); ++i) {
      const double full = std::min(double(w.sme.productivity[i]) * w.sme.employment[i],
                                   double(w.sme.expected_demand[i]) * (1.0 + w.params.sme.output_buffer));
      CHECK((std::abs(w.sme.planned_output[i] - full) < 1e-3 * full || std::abs(w.sme.planned_output[i] - 0.5 * full) < 1e-3 * full));
      cut += w.sme.planned_output[i] < 0.75 * full;
      n += 1;
    }
    return cut / n;
  };
  CHECK(planned_share({"sme.material_shortfall=0"}) == 0.0);
  CHECK(planned_share({"sme.material_shortfall=1", "policy.infrastructure=0"}) == 1.0);
  const double some = planned_share({"sme.material_shortfall=0.5", "policy.infrastructure=0"});
  CHECK(some == doctest::Approx(0.5).epsilon(0.1));
  CHECK(planned_share({"sme.material_shortfall=0.5", "policy.infrastructure=3"}) < some / 2);
}
