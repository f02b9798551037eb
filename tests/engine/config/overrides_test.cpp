#include <doctest/doctest.h>

#include "test_schema.hpp"

using namespace config_test;

namespace {
LoadOptions set(std::vector<std::string> overrides) {
  LoadOptions o;
  o.overrides = std::move(overrides);
  return o;
}
}  // namespace

TEST_CASE("Overrides.--set replaces a file value and records where it came from") {
  const Loaded<Params> l =
      load_text(schema(), "s.yaml", head + "sme:\n  markup: 0.3\n", set({"sme.markup=0.9", "steps=7"}));
  CHECK(l.value.sme.markup == 0.9);
  CHECK(l.value.steps == 7);
  CHECK(l.mark_of("sme.markup") == Mark{"--set sme.markup=0.9", 1, 18});
  CHECK(l.resolved_yaml.find("  markup: 0.9\n") != std::string::npos);
}

TEST_CASE("Overrides.--set can supply a required key and later ones win") {
  const Loaded<Params> l =
      load_text(schema(), "s.yaml", "schema_version: 1\n", set({"name=\"a b\"", "seed=1", "seed=2"}));
  CHECK(l.value.name == "a b");
  CHECK(l.value.seed == 2);
}

TEST_CASE("Overrides.--set values go through the same validation") {
  CHECK(problems(head, set({"sme.markup=7"})) ==
        one("--set sme.markup=7:1:18: sme.markup: expected a number in [0, 5], got 7"));
  CHECK(problems(head, set({"sme.markup=.nan"})) ==
        one("--set sme.markup=.nan:1:18: sme.markup: expected a finite number, got .nan"));
  CHECK(problems(head, set({"steps="})) == one("--set steps=:1:13: steps: expected an integer, got null"));
  CHECK(problems(head, set({"steps=[1"})) ==
        one("--set steps=[1:1:13: expected valid YAML, got a syntax error: end of sequence flow not found"));
}

TEST_CASE("Overrides.--set rejects unknown keys with did-you-mean and malformed arguments") {
  CHECK(problems(head, set({"sme.markupp=1"})) ==
        one("--set sme.markupp=1:1:7: sme.markupp: unknown key; did you mean 'sme.markup'?"));
  CHECK(problems(head, set({"sme=1"})) == one("--set sme=1:1:7: sme: expected a key, got a section"));
  CHECK(problems(head, set({"steps"})) == one("--set steps:1:1: expected key=value, got 'steps'"));
  CHECK(problems(head, set({"=5"})) == one("--set =5:1:1: expected key=value, got '=5'"));
}

TEST_CASE("Overrides.--set and file problems are reported together") {
  CHECK(problems(head + "steps: 0\n", set({"seed=-3"})) ==
        std::vector<std::string>{"bad.yaml:3:8: steps: expected an integer in [1, 100000], got 0",
                                 "--set seed=-3:1:12: seed: expected an integer >= 0, got -3"});
}

TEST_CASE("Overrides.--set can replace the timeline") {
  const Loaded<Params> l =
      load_text(schema(), "s.yaml", head, set({"timeline=[{at: 3, set: sme.markup, value: 0.4}]"}));
  REQUIRE(l.value.timeline.size() == 1);
  CHECK(l.value.timeline[0].key == "sme.markup");
  CHECK(l.value.timeline[0].mark == Mark{"--set timeline=[{at: 3, set: sme.markup, value: 0.4}]", 1, 17});
}
