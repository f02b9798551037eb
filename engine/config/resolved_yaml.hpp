#pragma once

#include <string>
#include <vector>

#include "engine/config/key_spec.hpp"

namespace sentra::config {

// Every declared key with its final value, nested by section in declaration order, as YAML
// the loader accepts: the record of exactly what a run used. Strings are always quoted so
// they cannot be re-read as numbers, booleans or null.
std::string write_resolved_yaml(const Declarations& decl, const std::vector<Value>& values);

}  // namespace sentra::config
