#include "experiments/design.hpp"

#include <doctest/doctest.h>

#include <vector>

using namespace sentra::experiments;

namespace {

Experiment two_factors(DesignType type) {
  Experiment e;
  e.scenarios = {{"a.yaml", "a.yaml", "a"}};
  Factor range;
  range.key = "x";
  range.has_range = true;
  range.min = 10;
  range.max = 20;
  Factor list;
  list.key = "n";
  list.integer = true;
  list.values = {1, 5, 9};
  e.factors = {range, list};
  e.design.type = type;
  e.design.levels = 4;
  e.design.samples = 30;
  e.design.trajectories = 5;
  e.design.seed = 3;
  return e;
}

}  // namespace

TEST_CASE("Factor.maps the unit interval onto its range or its list") {
  const Experiment e = two_factors(DesignType::full_factorial);
  CHECK(e.factors[0].at(0.0) == 10);
  CHECK(e.factors[0].at(0.5) == 15);
  CHECK(e.factors[1].at(0.0) == 1);
  CHECK(e.factors[1].at(0.34) == 5);
  CHECK(e.factors[1].at(1.0) == 9);  // the end of a Morris grid lands in the last slot
  CHECK(e.factors[0].level(3, 4) == 20);
  CHECK(e.factors[1].text(5) == "5");
  CHECK(e.factors[0].text(0.1) == "0.1");
}

TEST_CASE("make_design.points stay within each factor's range or list, for every design") {
  for (const auto type : {DesignType::full_factorial, DesignType::latin_hypercube, DesignType::sobol, DesignType::morris}) {
    CAPTURE(design_name(type));
    const Experiment e = two_factors(type);
    const Design d = make_design(e);
    const std::size_t expected = type == DesignType::full_factorial ? 12
                                 : type == DesignType::latin_hypercube ? 30
                                 : type == DesignType::sobol ? 30 * 4
                                                             : 5 * 3;
    CHECK(d.points.size() == expected);
    for (const auto& p : d.points) {
      CHECK(p.values[0] >= 10);
      CHECK(p.values[0] <= 20);
      CHECK((p.values[1] == 1 || p.values[1] == 5 || p.values[1] == 9));
    }
    CHECK(make_design(e).points.size() == d.points.size());
  }
}

TEST_CASE("make_design.a scenario factor is the first dimension of unit designs") {
  Experiment e = two_factors(DesignType::latin_hypercube);
  e.scenario_factor = true;
  e.scenarios.push_back({"b.yaml", "b.yaml", "b"});
  const Design d = make_design(e);
  CHECK(d.dimensions == std::vector<std::string>{"scenario", "x", "n"});
  std::size_t seen[2] = {0, 0};
  for (const auto& p : d.points) seen[p.scenario] += 1;
  CHECK(seen[0] == 15);  // a Latin hypercube splits its strata evenly
  CHECK(seen[1] == 15);
}

TEST_CASE("zero_padded.widens with the count") {
  CHECK(zero_padded(7, 120, 4) == "0007");
  CHECK(zero_padded(3, 100000, 4) == "00003");
  CHECK(zero_padded(2, 3, 2) == "02");
}
