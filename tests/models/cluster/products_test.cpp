#include "models/cluster/products.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <string>

#include "model_fixture.hpp"
#include "models/cluster/buyer_utility.hpp"
#include "models/cluster/scenario_schema.hpp"
#include "models/cluster/simulation.hpp"
#include "models/cluster/world_builder.hpp"

using namespace sentra;
using namespace sentra::cluster;

namespace {

const ProductShares catalogue_shares{0.40, 0.23, 0.16, 0.10, 0.06, 0.05};

std::uint32_t sum(const std::array<std::uint32_t, product_count>& c) {
  std::uint32_t t = 0;
  for (const auto x : c) t += x;
  return t;
}

double agg(const StepObservation& o, const std::string& name) {
  const auto* c = o.aggregates.find(name);
  REQUIRE(c != nullptr);
  return std::get<std::vector<double>>(c->data).at(0);
}

// The product of any vertex of the trade network (SME, trader, buyer or big firm).
std::uint8_t product_of(const World& w, std::uint32_t v) {
  const auto& sp = w.net.space;
  if (v < sp.smes) return w.sme.product[v];
  if (v < sp.buyer_offset()) return w.intermediary.product[v - sp.intermediary_offset()];
  if (v < sp.big_firm_offset()) return w.buyer.product[v - sp.buyer_offset()];
  return w.big_firm.product[v - sp.big_firm_offset()];
}

// Counts supply and sales edges whose two ends make, trade or buy different products.
std::size_t mixed_product_edges(const World& w) {
  std::size_t mixed = 0;
  for (std::uint32_t v = 0; v < w.net.space.total(); ++v) {
    w.net.supply.for_out(v, [&](std::uint32_t, std::uint32_t j, const SupplyEdge&) { mixed += product_of(w, v) != product_of(w, j); });
    w.net.sales.for_out(v, [&](std::uint32_t, std::uint32_t j, const SalesEdge&) { mixed += product_of(w, v) != product_of(w, j); });
  }
  return mixed;
}

std::vector<std::string> load_problems(const std::string& text) {
  const std::string path = "products_test_scenario.yaml";
  std::ofstream(path) << text;
  std::vector<std::string> out;
  try {
    load_scenario(path);
  } catch (const config::ConfigError& e) {
    for (const auto& d : e.diagnostics) out.push_back(d.format());
  }
  std::remove(path.c_str());
  return out;
}

}  // namespace

TEST_CASE("product_by_share.maps a uniform onto the cumulative shares, skipping products with no share") {
  CHECK(product_by_share(catalogue_shares, 0.0) == 0);
  CHECK(product_by_share(catalogue_shares, 0.399) == 0);
  CHECK(product_by_share(catalogue_shares, 0.401) == 1);
  CHECK(product_by_share(catalogue_shares, 0.949) == 4);
  CHECK(product_by_share(catalogue_shares, 0.999999) == 5);
  const ProductShares only_craft_and_metal{0, 0.5, 0, 0, 0, 0.5};
  CHECK(product_by_share(only_craft_and_metal, 0.2) == 1);
  CHECK(product_by_share(only_craft_and_metal, 0.7) == 5);
  CHECK(product_by_share(only_craft_and_metal, 1.0) == 5);  // rounding past the end: the last product with a share
}

TEST_CASE("ProductApportionment.rounds a block by largest remainder and gives every product one where the block is large enough") {
  ProductApportionment split;
  // 29 traders: quotas 11.6, 6.67, 4.64, 2.9, 1.74, 1.45 -> floors 11, 6, 4, 2, 1, 1 (25), the
  // four seats left to the largest remainders: chemicals 0.9, furniture 0.74, craft 0.67,
  // clothing 0.64 (food's 0.6 and metal's 0.45 miss out).
  const auto a = split.next_block(29, catalogue_shares);
  CHECK(a == std::array<std::uint32_t, product_count>{11, 7, 5, 3, 2, 1});
  CHECK(sum(a) == 29);
  // 6 agents: the quota alone would give metal and furniture none; each gets one.
  ProductApportionment six;
  const auto b = six.next_block(6, catalogue_shares);
  CHECK(sum(b) == 6);
  for (const auto n : b) CHECK(n == 1);
}

TEST_CASE("ProductApportionment.carries rounding across blocks so small products take turns in small blocks") {
  ProductApportionment split;
  std::array<std::uint32_t, product_count> total{};
  for (int block = 0; block < 20; ++block) {
    const auto c = split.next_block(5, catalogue_shares);
    CHECK(sum(c) == 5);
    for (std::size_t g = 0; g < product_count; ++g) total[g] += c[g];
  }
  // 100 agents in blocks of 5 follow the shares to within one agent each.
  for (std::size_t g = 0; g < product_count; ++g) CHECK(std::abs(double(total[g]) - 100 * catalogue_shares[g]) <= 1.0);
  CHECK(total[5] >= 4);  // metal got traders in some regions, not none
}

TEST_CASE("build_world.clusters make one product and SMEs, traders and buyers follow the product shares") {
  const World w = build_world(testing::small_params({"world.smes=30000", "world.buyers=3000", "world.intermediaries=300"}));
  std::array<double, product_count> smes{}, traders{}, buyers{};
  for (std::size_t i = 0; i < w.sme.size(); ++i) {
    smes[w.sme.product[i]] += 1;
    if (w.sme.cluster[i] >= 0) CHECK(w.sme.product[i] == w.cluster_product[static_cast<std::size_t>(w.sme.cluster[i])]);
  }
  for (const auto g : w.intermediary.product) traders[g] += 1;
  for (const auto g : w.buyer.product) buyers[g] += 1;
  // Clusters of about 43 firms draw their product, so SME shares scatter more than a firm-by-firm
  // draw would; 30,000 firms in about 440 clusters hold each share within 0.05.
  for (std::size_t g = 0; g < product_count; ++g) {
    CAPTURE(g);
    CHECK(std::abs(smes[g] / 30000.0 - catalogue_shares[g]) < 0.05);
    // Traders and buyers follow the firms' mix: within one agent per region and segment block.
    CHECK(std::abs(traders[g] - 300.0 * smes[g] / 30000.0) <= 3.0 + 1.0);
    CHECK(std::abs(buyers[g] - 3000.0 * smes[g] / 30000.0) <= 9.0 + 1.0);
  }
  // With 100 traders a region, every region has traders of every product.
  for (std::uint16_t r = 0; r < 3; ++r)
    for (std::uint8_t g = 0; g < product_count; ++g) {
      bool found = false;
      for (std::size_t m = 0; m < w.intermediary.size(); ++m) found = found || (w.intermediary.region[m] == r && w.intermediary.product[m] == g);
      CHECK(found);
    }
}

TEST_CASE("build_world.every supply and sales edge joins agents of the same product") {
  const World w = build_world(testing::small_params());
  CHECK(w.net.supply.edges() > 0);
  CHECK(w.net.sales.edges() > 0);
  CHECK(mixed_product_edges(w) == 0);
}

TEST_CASE("build_world.with one product the world is the one-market world, whichever product it is") {
  // A product is a label on a market: one product with all the weight gives every agent the
  // same market, the same draws and the same network, so the product machinery adds nothing
  // of its own (docs/model.md §7.18: the one-product model is reproduced exactly).
  const auto only = [](const char* product) {
    std::vector<std::string> o;
    for (const auto& c : product_catalogue) o.push_back("products." + std::string(c.key) + ".share=" + (c.key == product ? "1" : "0"));
    return build_world(testing::small_params(o));
  };
  const World food = only("food"), metal = only("metal");
  CHECK(food.sme.product == std::vector<std::uint8_t>(food.sme.size(), 0));
  CHECK(metal.sme.product == std::vector<std::uint8_t>(metal.sme.size(), 5));
  CHECK(food.sme.employment == metal.sme.employment);
  CHECK(food.sme.region == metal.sme.region);
  REQUIRE(food.net.sales.edges() == metal.net.sales.edges());
  REQUIRE(food.net.supply.edges() == metal.net.supply.edges());
  for (std::uint32_t v = 0; v < food.net.space.total(); ++v) {
    std::vector<std::uint32_t> a, b;
    food.net.sales.for_out(v, [&](std::uint32_t, std::uint32_t j, const SalesEdge&) { a.push_back(j); });
    metal.net.sales.for_out(v, [&](std::uint32_t, std::uint32_t j, const SalesEdge&) { b.push_back(j); });
    food.net.supply.for_out(v, [&](std::uint32_t, std::uint32_t j, const SupplyEdge&) { a.push_back(j); });
    metal.net.supply.for_out(v, [&](std::uint32_t, std::uint32_t j, const SupplyEdge&) { b.push_back(j); });
    CHECK(a == b);
  }
  CHECK(food.buyer.budget == metal.buyer.budget);
}

TEST_CASE("compact_and_enter.entrants, spin-offs and new buyer ties trade their own product") {
  Simulation sim(testing::small_params({"world.compact_every=2", "sme.hazard_micro=0.1", "sme.entry_rate=0.05",
                                        "sme.spinoff_share=0.5", "strategy.enabled=true", "steps=16"}),
                 2);
  std::int64_t entries = 0, spinoffs = 0, ties = 0;
  for (int t = 0; t < 16; ++t) {  // the first strategy review is at month 12, its ties join at month 14
    sim.step();
    entries += sim.world().entries_this_step;
    spinoffs += sim.world().spinoffs_this_step;
    ties += sim.world().strategy_ties_this_step;
  }
  CHECK(ties > 0);  // market development found buyers of the firm's product
  const auto& w = sim.world();
  CHECK(entries > 0);
  CHECK(spinoffs > 0);
  CHECK(mixed_product_edges(w) == 0);
  for (std::size_t i = 0; i < w.sme.size(); ++i)
    if (w.sme.cluster[i] >= 0) CHECK(w.sme.product[i] == w.cluster_product[static_cast<std::size_t>(w.sme.cluster[i])]);
}

TEST_CASE("outside_utility.prices a buyer's imports with its own product's tariff and quality") {
  auto p = testing::small_params();
  p.products[2].import_tariff = 0.0;   // clothing: free trade
  p.products[2].import_quality = 0.7;
  p.products[0].partner_tariff = 0.3;  // food abroad
  const auto food = buyer_taste(p, Segment::traditional, 0), clothing = buyer_taste(p, Segment::traditional, 2);
  CHECK(outside_price(p, food) == doctest::Approx(1.08 * 1.1));
  CHECK(outside_price(p, clothing) == doctest::Approx(1.1));
  const double budget = 100;
  // -beta_p·ln(price) + beta_q·quality differ; the capacity term moves with ln(1/price) too.
  const double expected = (3.0 + p.buyers.capacity_weight) * std::log(1.08) + 1.0 * (0.7 - 0.5);
  CHECK(outside_utility(p, clothing, budget) - outside_utility(p, food, budget) == doctest::Approx(expected));
  CHECK(buyer_taste(p, Segment::exporter, 0).tariff_factor == doctest::Approx(1.3));
  CHECK(buyer_taste(p, Segment::exporter, 2).tariff_factor == doctest::Approx(1.1));
}

TEST_CASE("buyer_choice.a tariff cut on one product raises that product's import share, not the others'") {
  // Clothing's tariff falls from 8% to 0 at month 1 (the schedule's 2009-10 step, in one go);
  // food keeps its 8%.
  const auto run = [](bool cut) {
    auto p = testing::small_params({"steps=6", "world.smes=6000", "world.buyers=600", "world.intermediaries=60"});
    if (cut) p.timeline.push_back({1, "products.clothing.import_tariff", 0.0, -1, {}});
    Simulation sim(p, 2);
    double clothing = 0, food = 0;
    for (int t = 0; t < 6; ++t) {
      sim.step();
      const auto o = sim.observe(false, false);
      if (t >= 2) {
        clothing += agg(o, "import_share_clothing") / 4;
        food += agg(o, "import_share_food") / 4;
      }
    }
    return std::pair{clothing, food};
  };
  const auto [clothing_before, food_before] = run(false);
  const auto [clothing_after, food_after] = run(true);
  // beta_p = 2-3 on ln(1.08): the clothing odds of imports rise by about a fifth or more (at
  // this seed the share goes from 0.137 to 0.171); food's buyers see no change in their
  // choice set and draw the same random numbers, and in six months no clothing firm's fate
  // reaches them (different markets), so their share moves by far less, if at all.
  CHECK(clothing_after - clothing_before > 0.01);
  CHECK(food_after - food_before < 0.002);
  CHECK(food_after - food_before > -0.01);
}

TEST_CASE("load_scenario.rejects an unknown product key with a suggestion and product shares that are all zero") {
  const std::string head = "schema_version: 1\nname: t\n";
  const auto misspelt = load_problems(head + "products:\n  clothing:\n    import_tarif: 0.1\n");
  REQUIRE(misspelt.size() == 1);
  CHECK(misspelt[0].find("products.clothing.import_tarif: unknown key; did you mean 'products.clothing.import_tariff'?") !=
        std::string::npos);
  const auto unknown_product = load_problems(head + "products:\n  textile:\n    share: 0.1\n");
  REQUIRE(unknown_product.size() == 1);
  CHECK(unknown_product[0].find("products.textile: unknown key") != std::string::npos);
  std::string zero = head + "products:\n";
  for (const auto& c : product_catalogue) zero += "  " + std::string(c.key) + ":\n    share: 0\n";
  const auto all_zero = load_problems(zero);
  REQUIRE(all_zero.size() == 1);
  CHECK(all_zero[0].find("products.food.share: expected product shares with a positive sum, got all zero") != std::string::npos);
  // The national keys they replace are gone.
  const auto old = load_problems(head + "trade:\n  import_tariff: 0.05\n");
  REQUIRE(old.size() == 1);
  CHECK(old[0].find("trade.import_tariff: unknown key") != std::string::npos);
}
