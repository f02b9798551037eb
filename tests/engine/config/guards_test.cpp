// Hostile or broken input: each case must end in a clear diagnostic, never a crash or a hang.
#include <doctest/doctest.h>

#include <chrono>
#include <random>

#include "test_schema.hpp"

using namespace config_test;

TEST_CASE("Guards.reject an empty file and a file with only comments") {
  CHECK(problems("") == one("bad.yaml:1:1: expected a mapping of keys at the top level, got an empty file"));
  CHECK(problems("\n  \n") == one("bad.yaml:1:1: expected a mapping of keys at the top level, got an empty file"));
  CHECK(problems("# nothing here\n\n# really\n") ==
        one("bad.yaml:1:1: expected a mapping of keys at the top level, got only comments"));
}

TEST_CASE("Guards.reject a top-level document that is not a mapping") {
  CHECK(problems("- a\n- b\n") == one("bad.yaml:1:1: expected a mapping of keys at the top level, got a list"));
  CHECK(problems("hello\n") == one("bad.yaml:1:1: expected a mapping of keys at the top level, got hello"));
}

TEST_CASE("Guards.report YAML syntax errors with their position") {
  CHECK(problems("schema_version: 1\nname: [a, b\n") ==
        one("bad.yaml:3:1: expected valid YAML, got a syntax error: end of sequence flow not found"));
  CHECK(problems("schema_version: 1\nname: a: b\n") ==
        one("bad.yaml:2:8: expected valid YAML, got a syntax error: illegal map value"));
}

TEST_CASE("Guards.reject several documents in one file") {
  CHECK(problems(head + "---\nsteps: 5\n") ==
        one("bad.yaml:3:1: expected a single YAML document, got a second one (a '---' line starts a new document)"));
}

TEST_CASE("Guards.reject binary files") {
  CHECK(problems(std::string("schema_version: 1\n\0\0\x01\x02", 22)) ==
        one("bad.yaml:2:1: expected a UTF-8 text file, got a NUL byte (is this a binary file?)"));
  CHECK(problems("schema_version: 1\nname: caf\xe9\n") ==
        one("bad.yaml:2:10: expected a UTF-8 text file, got the invalid byte 0xe9"));
  // A UTF-16 surrogate encoded as UTF-8 is not valid UTF-8.
  CHECK(problems("name: \xed\xa0\x80\n") == one("bad.yaml:1:7: expected a UTF-8 text file, got the invalid byte 0xed"));
  // Valid multi-byte UTF-8 is fine and counts as one column.
  CHECK(load_text(schema(), "s.yaml", "schema_version: 1\nname: caf\xc3\xa9 \xe2\x9c\x93\n").value.name ==
        "caf\xc3\xa9 \xe2\x9c\x93");
  CHECK(problems("name: \xc3\xa9\x80\n") == one("bad.yaml:1:8: expected a UTF-8 text file, got the invalid byte 0x80"));
}

TEST_CASE("Guards.reject files larger than the limit") {
  LoadOptions small;
  small.max_file_bytes = 16;
  CHECK(problems(head, small) == one("bad.yaml:1:1: expected a file of at most 16 bytes, got 29 bytes"));
  TempDir dir;
  const std::string big = dir.write("big.yaml", head + std::string(2 << 20, '#'));
  try {
    (void)load_file(schema(), big);
    FAIL("expected a ConfigError");
  } catch (const ConfigError& e) {
    CHECK(std::string(e.what()) == big + ":1:1: expected a file of at most 1048576 bytes, got 2097181 bytes");
  }
}

TEST_CASE("Guards.reject missing files, directories and devices without reading them") {
  TempDir dir;
  const auto what = [](const std::string& path) { return message_of([&] { return load_file(schema(), path); }); };
  CHECK(what(dir.path() + "/missing.yaml") ==
        dir.path() + "/missing.yaml:1:1: expected a readable file, got '" + dir.path() + "/missing.yaml', which does not exist");
  CHECK(what(dir.path()) == dir.path() + ":1:1: expected a readable file, got the directory '" + dir.path() + "'");
  CHECK(what("/dev/zero") == "/dev/zero:1:1: expected a readable file, got '/dev/zero', which is not a regular file");
}

TEST_CASE("Guards.reject deeply nested flow collections before yaml-cpp recurses") {
  CHECK(problems(std::string(100000, '[')) == one("bad.yaml:1:64: expected nesting at most 64 levels deep, got deeper"));
  std::string maps;
  for (int i = 0; i < 100000; ++i) maps += "{a: ";
  CHECK(problems(maps) == one("bad.yaml:1:253: expected nesting at most 64 levels deep, got deeper"));
}

TEST_CASE("Guards.reject deeply indented block mappings and sequences") {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += std::string(static_cast<std::size_t>(i), ' ') + "k:\n";
  CHECK(problems(text) == one("bad.yaml:65:65: expected nesting at most 64 levels deep, got deeper"));
  std::string dashes;
  for (int i = 0; i < 50000; ++i) dashes += "- ";
  CHECK(problems(dashes + "x\n") == one("bad.yaml:1:127: expected nesting at most 64 levels deep, got deeper"));
}

TEST_CASE("Guards.nesting limit is configurable") {
  LoadOptions shallow;
  shallow.max_depth = 1;
  CHECK(problems(head + "sme:\n  smes: 5\n", shallow) ==
        one("bad.yaml:4:3: expected nesting at most 1 levels deep, got deeper"));
  shallow.max_depth = 2;
  CHECK(load_text(schema(), "s.yaml", head + "sme:\n  smes: 5\n", shallow).value.sme.smes == 5);
}

TEST_CASE("Guards.brackets inside strings, comments and block scalars do not count as nesting") {
  const std::string deep(200, '[');
  CHECK(load_text(schema(), "s.yaml", head + "# " + deep + "\n").value.name == "base");
  CHECK(load_text(schema(), "s.yaml", "schema_version: 1\nname: \"" + deep + "\"\n").value.name == deep);
  CHECK(load_text(schema(), "s.yaml", "schema_version: 1\nname: '" + deep + "'\n").value.name == deep);
  CHECK(load_text(schema(), "s.yaml", "schema_version: 1\nname: |\n  " + deep + "\n").value.name == deep + "\n");
  CHECK(load_text(schema(), "s.yaml", "schema_version: 1\nname: Bob's " + deep + "\n").value.name ==
        "Bob's " + deep);
}

TEST_CASE("Guards.reject anchors and aliases, so an alias bomb never expands") {
  std::string bomb = head + "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n";
  for (char c = 'b'; c <= 'j'; ++c) {
    const char prev = static_cast<char>(c - 1);
    bomb.append(1, c).append(": &").append(1, c).append(" [");
    for (int i = 0; i < 9; ++i) bomb.append(i ? ", *" : "*").append(1, prev);
    bomb += "]\n";
  }
  const auto start = std::chrono::steady_clock::now();
  const std::vector<std::string> found = problems(bomb);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
  const std::string unsupported = " (anchors and aliases are not supported; use 'extends' to share settings)";
  REQUIRE(found.size() >= 4);
  CHECK(found[0] == "bad.yaml:3:1: a: unknown key; expected one of: schema_version, name, seed, steps, sme, policy, timeline");
  CHECK(found[1] == "bad.yaml:3:4: a: expected a plain value, got the anchor &a" + unsupported);
  CHECK(found[2] == "bad.yaml:4:1: b: unknown key; expected one of: schema_version, name, seed, steps, sme, policy, timeline");
  CHECK(found[3] == "bad.yaml:4:4: b: expected a plain value, got the anchor &b" + unsupported);
  CHECK(found[4] == "bad.yaml:4:8: b[0]: expected a plain value, got the alias *a" + unsupported);
  CHECK(found.size() <= 101);  // capped
}

TEST_CASE("Guards.an alias is reported once, not again as a wrong type") {
  CHECK(problems(head + "steps: &s 5\nseed: *s\n") ==
        std::vector<std::string>{
            "bad.yaml:3:8: steps: expected a plain value, got the anchor &s (anchors and aliases are not supported; "
            "use 'extends' to share settings)",
            "bad.yaml:4:7: seed: expected a plain value, got the alias *s (anchors and aliases are not supported; "
            "use 'extends' to share settings)"});
  CHECK(problems(head + "seed: *nope\n") ==
        one("bad.yaml:3:7: expected valid YAML, got a syntax error: the referenced anchor is not defined"));
}

TEST_CASE("Guards.too many problems are cut off with a count") {
  std::string text = head;
  for (int i = 0; i < 150; ++i) text += "unknown_" + std::to_string(i) + ": 1\n";
  const std::vector<std::string> found = problems(text);
  REQUIRE(found.size() == 101);
  CHECK(found.back() == "bad.yaml:1:1: ... and 50 more problems");
}

// Random YAML-ish text and random bytes: every input must end in success or a ConfigError.
TEST_CASE("Guards.random input never crashes the loader") {
  std::mt19937 rng(12345);
  const std::string alphabet = "[]{}:-,&*!|>'\"#?% \n\n  \tab1.e~";
  const std::string valid = head + "sme:\n  smes: 5\n  markup: 0.3\ntimeline:\n  - {at: 1, set: sme.markup, value: 1}\n";
  int failures = 0;
  for (int iter = 0; iter < 3000; ++iter) {
    std::string text;
    const int mode = iter % 3;
    if (mode == 0) {
      const std::size_t n = rng() % 300;
      for (std::size_t i = 0; i < n; ++i) text += alphabet[rng() % alphabet.size()];
    } else if (mode == 1) {
      const std::size_t n = rng() % 64;
      for (std::size_t i = 0; i < n; ++i) text += static_cast<char>(rng() % 256);
    } else {
      text = valid;
      for (int k = 0; k < 3; ++k) text[rng() % text.size()] = alphabet[rng() % alphabet.size()];
    }
    try {
      (void)load_text(schema(), "fuzz.yaml", text);
    } catch (const ConfigError& e) {
      CHECK_FALSE(e.diagnostics.empty());
    } catch (const std::exception& e) {
      ++failures;
      INFO("input: " << text << " threw " << e.what());
      CHECK(false);
    }
  }
  CHECK(failures == 0);
}
