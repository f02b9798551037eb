#pragma once
// Checking a merged tree against the declarations and turning it into typed values.

#include <map>
#include <string>
#include <vector>

#include "engine/config/key_spec.hpp"
#include "engine/config/yaml_tree.hpp"

namespace sentra::config {

// A --set value, already known to name a declared key.
struct Override {
  std::string path;
  Node value;
};

struct Validated {
  std::vector<Value> values;          // one per declared key, in declaration order
  std::map<std::string, Mark> marks;  // every key path (and timeline event field) -> where it came from
};

// Every problem goes to diags; values are meaningful only when none were added.
// `defaults` is where defaulted and missing keys are reported: the start of the main file.
Validated validate(const Declarations& decl, const Node& root, const std::vector<Override>& overrides,
                   const Mark& defaults, std::vector<Diagnostic>& diags);

// One value against one key's type and range (also used for timeline event values).
std::optional<Value> convert(const Declarations& decl, const KeySpec& key, const Node& node, const Mark& mark,
                             const std::string& path, std::map<std::string, Mark>& marks,
                             std::vector<Diagnostic>& diags);

}  // namespace sentra::config
