#pragma once

#include "engine/config/yaml_tree.hpp"

namespace sentra::config {

// Lays `overlay` over `base` for extends: mappings merge key by key, anything else (scalars,
// lists) replaces, so a child can change one key of a section without restating the rest, and
// a list means exactly what the child wrote. Marks stay with each node so errors point at the
// file the value came from.
void merge_into(Node& base, Node overlay);

}  // namespace sentra::config
