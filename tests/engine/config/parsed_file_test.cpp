// parse_file + load_parsed: a file read and parsed once, loaded many times with different
// overrides (a sweep's runs), gives exactly what load_file gives, and keeps the text it read.
#include <doctest/doctest.h>

#include "test_schema.hpp"

using namespace config_test;

namespace {
std::string error_of(const ParsedFile& parsed, const std::vector<std::string>& sets) {
  LoadOptions options;
  options.overrides = sets;
  return config_test::message_of([&] { return load_parsed(schema(), parsed, options); });
}
}  // namespace

TEST_CASE("ParsedFile.loads like load_file, with each load's own overrides") {
  TempDir dir;
  dir.write("base.yaml", "schema_version: 1\nname: base\nsteps: 24\nsme:\n  smes: 10\n  markup: 0.5\n");
  const std::string child = dir.write("child.yaml", "extends: base.yaml\nname: child\nsme:\n  markup: 0.7\n");
  const ParsedFile parsed = parse_file(child);
  for (const std::vector<std::string>& sets : {std::vector<std::string>{}, {"sme.markup=0.3", "steps=12"}, {"sme.smes=20"}}) {
    LoadOptions options;
    options.overrides = sets;
    const Loaded<Params> once = load_parsed(schema(), parsed, options);
    const Loaded<Params> fresh = load_file(schema(), child, options);
    CHECK(once.resolved_yaml == fresh.resolved_yaml);
    CHECK(once.given_text == fresh.given_text);
    CHECK(once.file == fresh.file);
    CHECK(once.marks == fresh.marks);
    CHECK(once.value.sme.markup == fresh.value.sme.markup);
  }
  LoadOptions options;
  options.overrides = {"sme.markup=0.3"};
  CHECK(load_parsed(schema(), parsed, options).value.sme.markup == 0.3);
  CHECK(load_parsed(schema(), parsed).value.sme.markup == 0.7);  // an override does not stick to the parsed file
  CHECK(load_parsed(schema(), parsed).mark_of("sme.smes") == Mark{dir.path() + "/base.yaml", 5, 9});
}

TEST_CASE("ParsedFile.keeps the text it read; errors keep their file positions") {
  TempDir dir;
  const std::string file = dir.write("s.yaml", "schema_version: 1\nname: s\nsme:\n  markup: 0.7\n");
  const ParsedFile parsed = parse_file(file);
  dir.write("s.yaml", "schema_version: 1\nname: s\nsme:\n  markup: 0.9\n");  // edited after it was read
  CHECK(load_parsed(schema(), parsed).value.sme.markup == 0.7);
  CHECK(load_file(schema(), file).value.sme.markup == 0.9);
  CHECK(error_of(parsed, {"sme.markup=9"}) == "--set sme.markup=9:1:18: sme.markup: expected a number in [0, 5], got 9");
  CHECK(error_of(parsed, {"sme.markp=1"}) == "--set sme.markp=1:1:7: sme.markp: unknown key; did you mean 'sme.markup'?");

  dir.write("broken.yaml", "name: [\n");
  try {
    (void)parse_file(dir.path() + "/broken.yaml");
    FAIL("parse_file accepted broken YAML");
  } catch (const ConfigError& e) {
    CHECK(std::string(e.what()) == dir.path() + "/broken.yaml:2:1: expected valid YAML, got a syntax error: end of sequence flow not found");
  }
  // Problems in a document that still parses (a duplicate key) are refused as load_file refuses them.
  const std::string twice = dir.write("twice.yaml", "schema_version: 1\nname: s\nname: t\n");
  std::string from_load_file;
  try {
    (void)load_file(schema(), twice);
  } catch (const ConfigError& e) {
    from_load_file = e.what();
  }
  REQUIRE(!from_load_file.empty());
  try {
    (void)parse_file(twice);
    FAIL("parse_file accepted a duplicate key");
  } catch (const ConfigError& e) {
    CHECK(std::string(e.what()) == from_load_file);
  }
  try {
    (void)parse_file(dir.path() + "/missing.yaml");
    FAIL("parse_file accepted a missing file");
  } catch (const ConfigError& e) {
    CHECK(std::string(e.what()).find("missing.yaml', which does not exist") != std::string::npos);
  }
}
