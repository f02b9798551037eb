#include <doctest/doctest.h>

#include "test_schema.hpp"

using namespace config_test;

namespace {
std::string error_of(const std::string& path, const LoadOptions& options = {}) {
  return config_test::message_of([&] { return load_file(schema(), path, options); });
}
}  // namespace

TEST_CASE("Extends.merges maps key by key and replaces lists") {
  TempDir dir;
  dir.write("base.yaml",
            "schema_version: 1\n"
            "name: base\n"
            "steps: 24\n"
            "sme:\n"
            "  smes: 10\n"
            "  markup: 0.5\n"
            "timeline:\n"
            "  - {at: 1, set: sme.markup, value: 0.1}\n"
            "  - {at: 2, set: sme.markup, value: 0.2}\n");
  const std::string child = dir.write("child.yaml",
                                      "extends: base.yaml\n"
                                      "name: child\n"
                                      "sme:\n"
                                      "  markup: 0.7\n"
                                      "timeline:\n"
                                      "  - {at: 5, set: policy.levy_rate, value: 0.05, region: 3}\n");
  const Loaded<Params> l = load_file(schema(), child);
  CHECK(l.value.name == "child");
  CHECK(l.value.steps == 24);
  CHECK(l.value.sme.smes == 10);     // kept from the parent's sme mapping
  CHECK(l.value.sme.markup == 0.7);  // replaced by the child
  REQUIRE(l.value.timeline.size() == 1);
  CHECK(l.value.timeline[0].at == 5);
  CHECK(l.value.timeline[0].region == 3);
  CHECK(l.mark_of("sme.smes") == Mark{dir.path() + "/base.yaml", 5, 9});
  CHECK(l.mark_of("sme.markup") == Mark{child, 4, 11});
  CHECK(l.given_text.rfind("extends: base.yaml\n", 0) == 0);
  CHECK(l.resolved_yaml.find("extends") == std::string::npos);
}

TEST_CASE("Extends.errors in a parent point at the parent file") {
  TempDir dir;
  dir.write("base.yaml", "schema_version: 1\nname: base\nsteps: 0\n");
  const std::string child = dir.write("child.yaml", "extends: base.yaml\nsme:\n  markup: 9\n");
  CHECK(error_of(child) == dir.path() + "/base.yaml:3:8: steps: expected an integer in [1, 100000], got 0\n" + child +
                               ":3:11: sme.markup: expected a number in [0, 5], got 9");
  dir.write("broken.yaml", "name: [\n");
  const std::string c2 = dir.write("c2.yaml", "extends: broken.yaml\n");
  CHECK(error_of(c2) == dir.path() + "/broken.yaml:2:1: expected valid YAML, got a syntax error: end of sequence flow not found");
}

TEST_CASE("Extends.detects cycles") {
  TempDir dir;
  const std::string a = dir.write("a.yaml", "extends: b.yaml\n");
  dir.write("b.yaml", "extends: ./a.yaml\n");
  CHECK(error_of(a) == dir.path() + "/b.yaml:1:10: extends: expected no cycle of extends, got " + a + " -> " +
                           dir.path() + "/b.yaml -> " + a);
  const std::string self = dir.write("self.yaml", "extends: self.yaml\n");
  CHECK(error_of(self) == self + ":1:10: extends: expected no cycle of extends, got " + self + " -> " + self);
}

TEST_CASE("Extends.limits the depth of the chain") {
  TempDir dir;
  const auto name = [](int i) { return std::string("f").append(std::to_string(i)).append(".yaml"); };
  for (int i = 0; i < 19; ++i) dir.write(name(i), std::string("extends: ").append(name(i + 1)).append("\n"));
  dir.write("f19.yaml", head);
  CHECK(error_of(dir.path() + "/f0.yaml") ==
        dir.path() + "/f15.yaml:1:10: extends: expected at most 16 levels of extends, got more");
  CHECK(load_file(schema(), dir.path() + "/f5.yaml").value.name == "base");
}

TEST_CASE("Extends.reports a missing parent and a non-path value") {
  TempDir dir;
  const std::string a = dir.write("a.yaml", "extends: nope.yaml\n");
  CHECK(error_of(a) == a + ":1:10: extends: expected a readable file, got '" + dir.path() +
                           "/nope.yaml', which does not exist");
  CHECK(problems("extends: [a]\n") == one("bad.yaml:1:10: extends: expected a file path, got a list"));
  CHECK(problems(head + "sme:\n  extends: x.yaml\n") ==
        one("bad.yaml:4:3: sme.extends: unknown key; expected one of: smes, markup, flag, mode"));
}

TEST_CASE("Extends.from load_text resolves relative to the given name") {
  TempDir dir;
  dir.write("base.yaml", head + "steps: 9\n");
  const Loaded<Params> l = load_text(schema(), dir.path() + "/virtual.yaml", "extends: base.yaml\nseed: 3\n");
  CHECK(l.value.steps == 9);
  CHECK(l.value.seed == 3);
}
