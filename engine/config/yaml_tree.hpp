#pragma once
// A YAML document as a small tree of our own, built from yaml-cpp's parser events.
// Building it ourselves (rather than using YAML::Node) gives us, in one pass: 1-based marks on
// every key and value, duplicate-key detection, a rejection of anchors and aliases (so an
// alias bomb can never expand), a depth limit, and quoted "5" told apart from plain 5.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/config/diagnostic.hpp"

namespace sentra::config {

struct Entry;

struct Node {
  enum class Type { null, scalar, sequence, map };
  Type type = Type::null;
  Mark mark;
  std::string text;     // scalars only
  bool quoted = false;  // quoted or tagged !!str: a string, never a number or boolean
  bool reported = false;  // stands in for something already reported (an alias): no second message
  std::vector<Node> items;
  std::vector<Entry> entries;  // maps only, in file order, without duplicates

  const Entry* find(std::string_view key) const;
  Entry* find(std::string_view key);
};

struct Entry {
  std::string key;
  Mark key_mark;
  Node value;
};

// Parses one YAML document. Returns nullopt when the text could not be turned into a tree;
// every problem found (including non-fatal ones like duplicate keys) is added to `diags`.
// An empty text (or only comments) gives a null node marked at 1:1.
// `path` prefixes key paths in messages (used for --set values).
std::optional<Node> parse_yaml(const std::string& file, std::string_view text, int max_depth,
                               std::vector<Diagnostic>& diags, const std::string& path = "");

// "a mapping", "a list", "null", "2.5", "the string \"5\"": what a message says was found.
std::string describe(const Node& node);

}  // namespace sentra::config
