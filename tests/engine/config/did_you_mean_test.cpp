#include <doctest/doctest.h>

#include "engine/config/did_you_mean.hpp"

using sentra::config::closest_match;
using sentra::config::edit_distance;

TEST_CASE("DidYouMean.edit distance counts insertions, deletions, substitutions and swaps") {
  CHECK(edit_distance("markup", "markup") == 0);
  CHECK(edit_distance("markupp", "markup") == 1);
  CHECK(edit_distance("markp", "markup") == 1);
  CHECK(edit_distance("markop", "markup") == 1);
  CHECK(edit_distance("smse", "smes") == 1);  // adjacent swap is one edit
  CHECK(edit_distance("Markup", "markup") == 0);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("kitten", "sitting") == 3);
}

TEST_CASE("DidYouMean.closest match stays within a third of the word and prefers the first tie") {
  const std::vector<std::string> keys = {"smes", "markup", "mode", "flag"};
  CHECK(closest_match("markupp", keys) == "markup");
  CHECK(closest_match("mdoe", keys) == "mode");
  CHECK(closest_match("zzzzzz", keys) == std::nullopt);
  CHECK(closest_match("flat", {"flag", "flaw"}) == "flag");
  CHECK(closest_match("x", {}) == std::nullopt);
  CHECK(closest_match("policy.levy", {"sme.markup", "policy.levy_rate"}) == "policy.levy_rate");  // truncated
  CHECK(closest_match("po", {"policy"}) == std::nullopt);  // too short to guess from
  CHECK(closest_match(std::string(100000, 'a'), keys) == std::nullopt);
}
