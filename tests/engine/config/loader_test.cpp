#include <doctest/doctest.h>

#include "test_schema.hpp"

using namespace config_test;

TEST_CASE("Loader.fills the typed struct from file values and defaults") {
  const std::string text =
      "schema_version: 1\n"
      "name: baseline\n"
      "seed: 18446744073709551615\n"
      "steps: 60\n"
      "sme:\n"
      "  smes: 250\n"
      "  markup: 0.35\n"
      "  flag: true\n"
      "  mode: adaptive\n";
  const Loaded<Params> l = load_text(schema(), "s.yaml", text);
  CHECK(l.value.schema_version == 1);
  CHECK(l.value.name == "baseline");
  CHECK(l.value.seed == 18446744073709551615ULL);
  CHECK(l.value.steps == 60);
  CHECK(l.value.sme.smes == 250);
  CHECK(l.value.sme.markup == 0.35);
  CHECK(l.value.sme.flag);
  CHECK(l.value.sme.mode == "adaptive");
  CHECK(l.value.policy.levy_rate == 0.0);  // defaults
  CHECK(l.value.policy.max_regions == 4);
  CHECK(l.value.timeline.empty());
  CHECK(l.given_text == text);
  CHECK(l.mark_of("sme.markup") == Mark{"s.yaml", 7, 11});
  CHECK(l.mark_of("policy.levy_rate") == Mark{"s.yaml", 1, 1});
}

TEST_CASE("Loader.gives caller cross-key checks a diagnostic marked at the key") {
  const Loaded<Params> l = load_text(schema(), "s.yaml", head + "sme:\n  smes: 10\n");
  CHECK(l.error("sme.smes", "at most 5", "10").format() == "s.yaml:4:9: sme.smes: expected at most 5, got 10");
  CHECK(l.error("steps", "a multiple of 12", "120").format() == "s.yaml:1:1: steps: expected a multiple of 12, got 120");
}

TEST_CASE("Loader.accepts an empty section and quoted strings") {
  const Loaded<Params> l = load_text(schema(), "s.yaml", "schema_version: 1\nname: \"yes\"\nsme:\n");
  CHECK(l.value.name == "yes");
  CHECK(l.value.sme.smes == 1000);
}

TEST_CASE("Loader.rejects unknown key with did-you-mean among siblings") {
  CHECK(problems(head + "sme:\n  markupp: 0.3\n") ==
        one("bad.yaml:4:3: sme.markupp: unknown key; did you mean 'sme.markup'?"));
  CHECK(problems(head + "stpes: 3\n") == one("bad.yaml:3:1: stpes: unknown key; did you mean 'steps'?"));
}

TEST_CASE("Loader.suggests a key that lives in another section") {
  CHECK(problems(head + "markup: 0.3\n") == one("bad.yaml:3:1: markup: unknown key; did you mean 'sme.markup'?"));
}

TEST_CASE("Loader.lists the valid keys when nothing is close") {
  CHECK(problems(head + "sme:\n  zzzzzz: 1\n") ==
        one("bad.yaml:4:3: sme.zzzzzz: unknown key; expected one of: smes, markup, flag, mode"));
}

TEST_CASE("Loader.explains that dotted names must be nested") {
  CHECK(problems(head + "sme.markup: 0.3\n") ==
        one("bad.yaml:3:1: sme.markup: unknown key; write 'sme.markup' as nested mappings, one level per name"));
}

TEST_CASE("Loader.rejects wrong types and reports every problem in file order") {
  const std::string text =
      "schema_version: 1\n"
      "name: [a, b]\n"
      "steps: \"5\"\n"
      "sme:\n"
      "  markup: {a: 1}\n"
      "  flag: yes\n"
      "  smes: abc\n"
      "policy: 5\n";
  const std::vector<std::string> expected = {
      "bad.yaml:2:7: name: expected a string, got a list",
      "bad.yaml:3:8: steps: expected an integer, got the string \"5\"",
      "bad.yaml:5:11: sme.markup: expected a number, got a mapping",
      "bad.yaml:6:9: sme.flag: expected true or false, got yes",
      "bad.yaml:7:9: sme.smes: expected an integer, got abc",
      "bad.yaml:8:9: policy: expected a mapping (the section 'policy'), got 5",
  };
  CHECK(problems(text) == expected);
  try {
    (void)load_text(schema(), "bad.yaml", text);
    FAIL("expected a ConfigError");
  } catch (const ConfigError& e) {
    std::string joined;
    for (const std::string& s : expected) joined += (joined.empty() ? "" : "\n") + s;
    CHECK(std::string(e.what()) == joined);
    CHECK(e.diagnostics.size() == expected.size());
    CHECK(e.diagnostics[0].path == "name");
    CHECK(e.diagnostics[0].mark == Mark{"bad.yaml", 2, 7});
  }
}

TEST_CASE("Loader.rejects out-of-range values") {
  CHECK(problems(head + "sme:\n  markup: 7.5\n  smes: 0\n") ==
        std::vector<std::string>{"bad.yaml:4:11: sme.markup: expected a number in [0, 5], got 7.5",
                                 "bad.yaml:5:9: sme.smes: expected an integer in [1, 100000000], got 0"});
  CHECK(problems("schema_version: 2\nname: x\n") ==
        one("bad.yaml:1:17: schema_version: expected an integer in [1, 1], got 2"));
  CHECK(problems(head + "policy:\n  max_regions: 65\n") ==
        one("bad.yaml:4:16: policy.max_regions: expected an integer in [1, 64], got 65"));
}

TEST_CASE("Loader.rejects NaN and infinities") {
  for (const char* bad : {".nan", ".NaN", ".inf", "+.inf", "-.inf", ".Inf", "nan", "inf", "1e400", "-1e999"}) {
    CAPTURE(bad);
    CHECK(problems(head + "sme:\n  markup: " + bad + "\n") ==
          one(std::string("bad.yaml:4:11: sme.markup: expected a finite number, got ") + bad));
  }
}

TEST_CASE("Loader.rejects fractional and overflowing integers") {
  CHECK(problems(head + "steps: 2.5\n") == one("bad.yaml:3:8: steps: expected an integer, got 2.5"));
  CHECK(problems(head + "steps: 1e3\n") == one("bad.yaml:3:8: steps: expected an integer, got 1e3"));
  CHECK(problems(head + "steps: 99999999999999999999\n") ==
        one("bad.yaml:3:8: steps: expected an integer in [1, 100000], got 99999999999999999999"));
  CHECK(problems(head + "seed: -1\n") == one("bad.yaml:3:7: seed: expected an integer >= 0, got -1"));
  CHECK(problems(head + "seed: 18446744073709551616\n") ==
        one("bad.yaml:3:7: seed: expected an integer >= 0, got 18446744073709551616"));
}

TEST_CASE("Loader.rejects a choice outside the list with did-you-mean") {
  CHECK(problems(head + "sme:\n  mode: adaptiv\n") ==
        one("bad.yaml:4:9: sme.mode: expected one of 'fixed', 'adaptive', got adaptiv; did you mean 'adaptive'?"));
}

TEST_CASE("Loader.reports missing required keys at the start of the file") {
  CHECK(problems("sme:\n  smes: 5\n") ==
        std::vector<std::string>{"bad.yaml:1:1: schema_version: expected an integer in [1, 1] (required key), got nothing",
                                 "bad.yaml:1:1: name: expected a string (required key), got nothing"});
}

TEST_CASE("Loader.rejects an empty value where a value is expected, marked at its key") {
  CHECK(problems(head + "steps:\n") == one("bad.yaml:3:1: steps: expected an integer, got null"));
}

TEST_CASE("Loader.rejects duplicate keys, naming the first occurrence") {
  CHECK(problems(head + "steps: 5\nsteps: 6\n") ==
        one("bad.yaml:4:1: steps: expected each key once, got a duplicate (first defined at line 3, column 1)"));
  CHECK(problems(head + "sme:\n  smes: 5\n  flag: true\n  smes: 6\n") ==
        one("bad.yaml:6:3: sme.smes: expected each key once, got a duplicate (first defined at line 4, column 3)"));
}

TEST_CASE("Loader.resolved YAML lists every key and round-trips through the loader") {
  const std::string text =
      "schema_version: 1\n"
      "name: \"a \\\"quoted\\\" name\\twith tab, yes: no # not a comment\"\n"
      "seed: 18446744073709551615\n"
      "sme:\n"
      "  markup: 0.1\n"
      "  mode: adaptive\n"
      "policy:\n"
      "  levy_rate: 1e-7\n"
      "timeline:\n"
      "  - {at: 12, set: policy.levy_rate, value: 0.01, region: 2}\n"
      "  - {at: 3, set: policy.max_regions, value: 8}\n";
  const Loaded<Params> first = load_text(schema(), "s.yaml", text);
  const Loaded<Params> again = load_text(schema(), "resolved.yaml", first.resolved_yaml);
  CHECK(again.value.name == "a \"quoted\" name\twith tab, yes: no # not a comment");
  CHECK(again.value.name == first.value.name);
  CHECK(again.value.seed == first.value.seed);
  CHECK(again.value.steps == first.value.steps);
  CHECK(again.value.sme.smes == first.value.sme.smes);
  CHECK(again.value.sme.markup == first.value.sme.markup);
  CHECK(again.value.sme.flag == first.value.sme.flag);
  CHECK(again.value.sme.mode == first.value.sme.mode);
  CHECK(again.value.policy.levy_rate == first.value.policy.levy_rate);
  CHECK(again.value.policy.max_regions == first.value.policy.max_regions);
  CHECK(again.value.timeline == first.value.timeline);
  CHECK(again.value.timeline.size() == 2);
  CHECK(again.resolved_yaml == first.resolved_yaml);
}

TEST_CASE("Loader.resolved YAML is nested by section in declaration order") {
  const Loaded<Params> l = load_text(schema(), "s.yaml", head);
  CHECK(l.resolved_yaml ==
        "# Resolved configuration: every declared key with its final value.\n"
        "schema_version: 1\n"
        "name: \"base\"\n"
        "seed: 42\n"
        "steps: 120\n"
        "sme:\n"
        "  smes: 1000\n"
        "  markup: 0.2\n"
        "  flag: false\n"
        "  mode: \"fixed\"\n"
        "policy:\n"
        "  levy_rate: 0\n"
        "  max_regions: 4\n"
        "timeline: []\n");
}

TEST_CASE("Loader.load_file reads a file and marks diagnostics with its path") {
  TempDir dir;
  const std::string ok = dir.write("ok.yaml", head + "steps: 7\n");
  CHECK(load_file(schema(), ok).value.steps == 7);
  const std::string bad = dir.write("bad.yaml", head + "steps: 0\n");
  try {
    (void)load_file(schema(), bad);
    FAIL("expected a ConfigError");
  } catch (const ConfigError& e) {
    CHECK(std::string(e.what()) == bad + ":3:8: steps: expected an integer in [1, 100000], got 0");
  }
}
