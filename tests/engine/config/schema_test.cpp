#include <doctest/doctest.h>

#include <stdexcept>

#include "engine/config/docs.hpp"
#include "test_schema.hpp"

using namespace config_test;

namespace {
struct Small {
  double rate = 0.0;
  std::int64_t n = 0;
  std::int32_t small = 0;
  std::uint16_t tiny = 0;
};

std::string logic_error_of(const Schema<Small>& s) {
  try {
    (void)load_text(s, "s.yaml", "{}\n");
  } catch (const std::logic_error& e) {
    return e.what();
  }
  return "no error";
}
}  // namespace

TEST_CASE("Schema.a key without default or required() is a programming error") {
  Schema<Small> s;
  s.number("rate", [](Small& x) -> auto& { return x.rate; });
  CHECK(logic_error_of(s) == "config: invalid declarations:\n  rate: has neither a default (.def) nor .required()");
}

TEST_CASE("Schema.a default outside its range is a programming error") {
  Schema<Small> s;
  s.number("rate", [](Small& x) -> auto& { return x.rate; }).def(7).range(0, 5);
  s.integer("n", [](Small& x) -> auto& { return x.n; }).def(0).range(1, 9).required();
  CHECK(logic_error_of(s) ==
        "config: invalid declarations:\n  rate: default 7 is not a number in [0, 5]\n"
        "  n: is .required() but also has a default");
}

TEST_CASE("Schema.conflicting or malformed paths are rejected at declaration") {
  Schema<Small> s;
  s.number("a.rate", [](Small& x) -> auto& { return x.rate; }).def(1);
  CHECK_THROWS_WITH_AS(s.number("a.rate", [](Small& x) -> auto& { return x.rate; }),
                       "config: key 'a.rate' is declared twice", std::logic_error);
  CHECK_THROWS_WITH_AS(s.number("a.rate.x", [](Small& x) -> auto& { return x.rate; }),
                       "config: 'a.rate.x' is declared under 'a.rate', which is a key, not a section", std::logic_error);
  CHECK_THROWS_WITH_AS(s.number("a", [](Small& x) -> auto& { return x.rate; }),
                       "config: key 'a' is already a section", std::logic_error);
  CHECK_THROWS_AS(s.number("bad key", [](Small& x) -> auto& { return x.rate; }), std::logic_error);
  CHECK_THROWS_AS(s.number("a..b", [](Small& x) -> auto& { return x.rate; }), std::logic_error);
  CHECK_THROWS_AS(s.number("extends", [](Small& x) -> auto& { return x.rate; }), std::logic_error);
}

TEST_CASE("Schema.integer keys are limited to the bound field's type") {
  Schema<Small> s;
  s.integer("small", [](Small& x) -> auto& { return x.small; }).def(0);
  s.integer("tiny", [](Small& x) -> auto& { return x.tiny; }).def(0);
  Schema<Small> other;
  CHECK_THROWS_AS(other.integer("n", [](Small& x) -> auto& { return x.small; }).range(0, 1LL << 40), std::logic_error);
  CHECK(load_text(s, "s.yaml", "small: -2147483648\ntiny: 65535\n").value.tiny == 65535);
  try {
    (void)load_text(s, "s.yaml", "small: 2147483648\ntiny: 65536\n");
    FAIL("expected a ConfigError");
  } catch (const ConfigError& e) {
    CHECK(std::string(e.what()) ==
          "s.yaml:1:8: small: expected an integer in [-2147483648, 2147483647], got 2147483648\n"
          "s.yaml:2:7: tiny: expected an integer in [0, 65535], got 65536");
  }
}

TEST_CASE("Schema.diagnostics format as file:line:col: path: message") {
  Diagnostic d;
  d.mark = Mark{"a.yaml", 4, 11};
  d.path = "sme.markup";
  d.message = "expected a number in [0, 5], got 7.5";
  CHECK(d.format() == "a.yaml:4:11: sme.markup: expected a number in [0, 5], got 7.5");
  Diagnostic whole = d;
  whole.path.clear();
  CHECK(whole.format() == "a.yaml:4:11: expected a number in [0, 5], got 7.5");
  const ConfigError e({d, whole});
  CHECK(std::string(e.what()) == d.format() + "\n" + whole.format());
}
