// The five partnership patterns' terms, trust on partnerships, and how partnerships end.
#include "models/cluster/partnership_patterns.hpp"

#include <doctest/doctest.h>

#include <string>
#include <variant>

#include "model_fixture.hpp"
#include "models/cluster/partnership_formation.hpp"
#include "models/cluster/phases.hpp"
#include "models/cluster/simulation.hpp"
#include "models/cluster/world_builder.hpp"

using namespace sentra::cluster;

namespace {

// Every partnership of the world has this pattern; more partners than the default so each
// test sees dozens.
Params only(const char* pattern, std::vector<std::string> more = {}) {
  std::vector<std::string> sets = {"big_firms.partnered_share_micro=0.05", "big_firms.partnered_share_small=0.3",
                                   "partnership.subcontract_quality=0"};
  for (const char* p : {"nucleus_plasma", "subcontracting", "general_trade", "agency", "franchise"})
    sets.push_back(std::string("partnership.share_") + p + "=" + (std::string(p) == pattern ? "1" : "0"));
  sets.insert(sets.end(), more.begin(), more.end());
  return testing::small_params(sets);
}

// Calls f(big firm index, edge index, SME, edge) for every partnership.
template <class F>
void each_partnership(const World& w, F&& f) {
  const auto base = w.net.space.big_firm_offset();
  for (std::uint32_t k = 0; k < w.big_firm.size(); ++k)
    w.net.partnership.for_out(base + k, [&](std::uint32_t e, std::uint32_t j, const PartnershipEdge& p) { f(k, e, j, p); });
}

double aggregate(const sentra::StepObservation& o, const char* name) {
  const auto* c = o.aggregates.find(name);
  REQUIRE(c != nullptr);
  return std::get<std::vector<double>>(c->data).at(0);
}

}  // namespace

TEST_CASE("nucleus-plasma.takes plasma_offtake of capacity at a discount on the ask, and supplies the inputs") {
  const auto p = only("nucleus_plasma");
  const World start = build_world(p);
  int n = 0;
  each_partnership(start, [&](std::uint32_t, std::uint32_t, std::uint32_t j, const PartnershipEdge& e) {
    CHECK(e.pattern == PartnershipPattern::nucleus_plasma);
    CHECK(e.quantity == doctest::Approx(0.8 * start.sme.productivity[j] * start.sme.employment[j]));
    CHECK(contracted_units(e) == e.quantity);
    ++n;
  });
  REQUIRE(n > 20);
  Simulation sim(p, 1);
  sim.step();
  const auto& w = sim.world();
  each_partnership(w, [&](std::uint32_t, std::uint32_t e, std::uint32_t j, const PartnershipEdge& terms) {
    if (w.offer_capacity[j] <= 0.f) return;
    CHECK(w.partner_price[e] == doctest::Approx(0.9 * w.offer_price[j]));
    CHECK(w.partner_order[e] == terms.quantity);
    CHECK(contract_unit_cost(w, j, terms) == doctest::Approx(sme_unit_cost(w, w.sme.region[j]) - material_cost(w)));
  });
}

TEST_CASE("nucleus-plasma.the credit line carries a loss-making plasma firm through months that bankrupt others") {
  // No buyers' demand: every firm loses money; plasma firms lose less (the nucleus still buys)
  // but with no net worth they would still go under without the credit line.
  auto run = [](double credit) {
    Simulation sim(only("nucleus_plasma", {"buyers.demand_to_capacity=0", "sme.initial_net_worth_months=0",
                                           "sme.bankruptcy_months=0", "partnership.plasma_offtake=0.3",
                                           "partnership.plasma_price_discount=0.5",
                                           "partnership.plasma_credit_months=" + std::to_string(credit)}),
                   1);
    sim.step();
    int alive = 0;
    each_partnership(sim.world(), [&](std::uint32_t, std::uint32_t, std::uint32_t j, const PartnershipEdge&) {
      alive += sim.world().sme.alive[j];
    });
    return alive;
  };
  CHECK(run(0.0) == 0);
  CHECK(run(12.0) > 20);
}

TEST_CASE("subcontracting.orders follow the big firm's own sales and stop below the quality specification") {
  World w = build_world(only("subcontracting"));
  std::uint32_t k = 0, j = 0;
  PartnershipEdge edge;
  each_partnership(w, [&](std::uint32_t firm, std::uint32_t, std::uint32_t sme, const PartnershipEdge& e) {
    k = firm;
    j = sme;
    edge = e;
  });
  REQUIRE(edge.pattern == PartnershipPattern::subcontracting);
  w.offer_capacity[j] = 10.f;
  w.offer_quality[j] = 0.5f;
  w.big_firm.planned_output[k] = 100.f;
  w.big_firm.sold[k] = 60.f;  // it sold 60% of its output last month
  CHECK(partner_order_units(w, k, j, edge) == doctest::Approx(0.6 * edge.quantity));
  w.big_firm.sold[k] = 100.f;
  CHECK(partner_order_units(w, k, j, edge) == doctest::Approx(edge.quantity));
  w.params.partnership.subcontract_quality = 0.6;
  CHECK(partner_order_units(w, k, j, edge) == 0.0);
  w.offer_price[j] = 1.5f;
  CHECK(partner_unit_price(w, j, edge) == doctest::Approx(1.5));  // the ask, no discount
}

TEST_CASE("subcontracting.a firm below the specification is offered general trade instead") {
  const World w = build_world(only("subcontracting", {"partnership.subcontract_quality=0.5"}));
  int sub = 0, trade = 0;
  each_partnership(w, [&](std::uint32_t, std::uint32_t, std::uint32_t j, const PartnershipEdge& e) {
    if (e.pattern == PartnershipPattern::subcontracting) {
      CHECK(w.sme.quality[j] >= 0.5f);
      ++sub;
    } else {
      CHECK(e.pattern == PartnershipPattern::general_trade);
      CHECK(w.sme.quality[j] < 0.5f);
      ++trade;
    }
  });
  CHECK(sub > 0);
  CHECK(trade > 0);
}

TEST_CASE("general trade.the big firm pays the ask and earns its channel margin on what it buys") {
  Simulation sim(only("general_trade"), 1);
  sim.step();
  const auto& w = sim.world();
  std::vector<double> margin(w.big_firm.size(), 0.0);
  const double m = w.params.partnership.general_trade_margin;
  each_partnership(w, [&](std::uint32_t k, std::uint32_t e, std::uint32_t j, const PartnershipEdge&) {
    CHECK(w.partner_price[e] == doctest::Approx(w.offer_price[j]));
    margin[k] += m / (1 - m) * double(w.partner_order[e]) * partner_fill(w, j) * w.partner_price[e];
  });
  for (std::size_t k = 0; k < w.big_firm.size(); ++k) {
    CHECK(w.big_firm.partner_income[k] == doctest::Approx(margin[k]).epsilon(1e-4));
    CHECK(margin[k] > 0);
  }
}

TEST_CASE("agency.no orders; the agent earns a commission on the big firm's goods and learns its market") {
  Simulation sim(only("agency"), 1);
  const auto start = sim.world().sme.information;
  sim.step();
  const auto& w = sim.world();
  int n = 0;
  each_partnership(w, [&](std::uint32_t k, std::uint32_t e, std::uint32_t j, const PartnershipEdge& terms) {
    CHECK(w.partner_order[e] == 0.f);
    CHECK(contracted_units(terms) == 0.0);
    const auto f = partner_effects(w, j);
    CHECK(f.commission == doctest::Approx(w.params.partnership.agency_commission * terms.quantity *
                                          w.offer_price[w.net.space.big_firm_offset() + k]));
    CHECK(f.information == doctest::Approx(w.params.partnership.agency_information_gain));
    ++n;
  });
  CHECK(n > 20);
  // Agents know more: they start at the steady state with the agency gain (+0.1 at the
  // default decay), and stay there.
  double agents_info = 0, others_info = 0, agents = 0, others = 0;
  for (std::uint32_t j = 0; j < w.net.space.smes; ++j) {
    if (!w.sme.alive[j]) continue;
    if (w.net.partnership.in_degree(j) > 0) { agents_info += start[j]; agents += 1; } else { others_info += start[j]; others += 1; }
  }
  CHECK(agents_info / agents > others_info / others + 0.05);
}

TEST_CASE("franchise.royalty, brand, quality floor and a lower hazard") {
  auto p = only("franchise", {"partnership.franchise_quality_floor=0.9"});
  Simulation sim(p, 1);
  sim.step();
  const auto& w = sim.world();
  const auto& q = w.params.partnership;
  int n = 0;
  each_partnership(w, [&](std::uint32_t, std::uint32_t e, std::uint32_t j, const PartnershipEdge&) {
    CHECK(w.partner_order[e] == 0.f);
    const auto f = partner_effects(w, j);
    CHECK(f.royalty_rate == doctest::Approx(q.franchise_royalty));
    CHECK(f.hazard_factor == doctest::Approx(q.franchise_hazard_factor));
    CHECK(brand_utility(w, j) == doctest::Approx(q.franchise_brand));
    if (w.sme.alive[j]) CHECK(w.sme.quality[j] >= 0.9f);
    ++n;
  });
  CHECK(n > 20);
  // Other SMEs carry no brand.
  int unbranded = 0;
  for (std::uint32_t j = 0; j < w.net.space.smes && unbranded < 50; ++j)
    if (w.net.partnership.in_degree(j) == 0) {
      CHECK(brand_utility(w, j) == 0.0);
      ++unbranded;
    }
  // The pattern counts in the output see them (live partners only).
  int live = 0;
  each_partnership(w, [&](std::uint32_t, std::uint32_t, std::uint32_t j, const PartnershipEdge&) { live += w.sme.alive[j]; });
  CHECK(aggregate(sim.observe(false, false), "partnerships_franchise") == live);
  CHECK(aggregate(sim.observe(false, false), "partnerships_agency") == 0);
  // Royalties reach the franchisors.
  double royalties = 0;
  for (std::size_t k = 0; k < w.big_firm.size(); ++k) royalties += w.big_firm.partner_income[k];
  CHECK(royalties > 0);
}

TEST_CASE("partnership trust.full deliveries raise it, short ones lower it; distrust ends the partnership at the boundary") {
  // Plasma firms asked for all their capacity and more cannot deliver in full: trust falls.
  auto p = only("subcontracting", {"world.compact_every=4", "partnership.trust_loss=0.5", "partnership.holdup_trust=0"});
  p.big_firms.offtake_share = 0.3;
  Simulation good(p, 1);
  good.step();
  double before = 0, after = 0;
  int n = 0;
  each_partnership(good.world(), [&](std::uint32_t, std::uint32_t, std::uint32_t j, const PartnershipEdge& e) {
    if (!good.world().sme.alive[j] || partner_fill(good.world(), j) < 0.95f) return;
    CHECK(e.trust > p.partnership.trust_initial);  // delivered in full
    ++n;
  });
  CHECK(n > 10);

  // A subcontractor below the quality specification (raised after the contracts formed)
  // loses the big firm's trust month after month, and the partnership ends.
  World w = build_world(p);
  w.params.partnership.subcontract_quality = 1.01;
  sentra::Scheduler one(1);
  for (std::uint64_t t = 0; t < 4; ++t) {
    const sentra::PhaseContext ctx{one, t, 0};
    sme_plan(w, ctx);
    big_firm_plan(w, ctx);
    big_firm_order(w, ctx);
    sme_settle(w, ctx);
    big_firm_settle(w, ctx);
    double trust = 0, count = 0;
    each_partnership(w, [&](std::uint32_t, std::uint32_t e, std::uint32_t j, const PartnershipEdge& terms) {
      if (!w.sme.alive[j]) return;
      CHECK(w.partner_order[e] == 0.f);
      trust += terms.trust;
      count += 1;
    });
    if (t == 0) before = trust / count;
    after = trust / count;
  }
  CHECK(after < before);
  CHECK(after < p.partnership.trust_min);
  const auto ended = partnerships_to_end(w);
  each_partnership(w, [&](std::uint32_t, std::uint32_t e, std::uint32_t j, const PartnershipEdge& terms) {
    if (w.sme.alive[j]) CHECK(bool(ended[e]) == (terms.trust < p.partnership.trust_min));
  });
}

TEST_CASE("partnerships_to_end.hold-up: a distrusted subcontractor asking more than its region's mean is dropped") {
  World w = build_world(only("subcontracting"));
  sentra::Scheduler one(1);
  const sentra::PhaseContext ctx{one, 0, 0};
  sme_plan(w, ctx);
  // Trust between holdup_trust and trust_min on every partnership; asks raised for half of them.
  int raised = 0;
  const auto base = w.net.space.big_firm_offset();
  for (std::uint32_t k = 0; k < w.big_firm.size(); ++k)
    w.net.partnership.for_out_mut(base + k, [&](std::uint32_t e, std::uint32_t j, PartnershipEdge& p) {
      p.trust = 0.4f;
      w.partner_price[e] = w.offer_price[j];
      if (j % 2 == 0) {
        w.offer_price[j] *= 1.5f;
        w.partner_price[e] = w.offer_price[j];
        ++raised;
      }
    });
  const auto ended = partnerships_to_end(w);
  int dropped = 0;
  each_partnership(w, [&](std::uint32_t, std::uint32_t e, std::uint32_t j, const PartnershipEdge&) {
    if (w.offer_capacity[j] <= 0.f) return;
    CHECK(bool(ended[e]) == (j % 2 == 0));
    dropped += ended[e];
  });
  CHECK(dropped > 5);
  CHECK(raised > 5);
}
