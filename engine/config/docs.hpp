#pragma once
// Reference documentation generated from the declarations. Output depends only on the
// declarations (declaration order, no timestamps), so generated files can be committed and a
// test can check they are current.

#include <string>

#include "engine/config/key_spec.hpp"
#include "engine/config/schema.hpp"

namespace sentra::config {

// Markdown: one table per section, then how timelines, extends and --set work.
std::string to_markdown(const Declarations& decl);

// JSON Schema (draft-07) for editor completion and validation of scenario files.
std::string to_json_schema(const Declarations& decl, const std::string& id);

template <class T>
std::string to_markdown(const Schema<T>& schema) {
  return to_markdown(schema.declarations());
}

template <class T>
std::string to_json_schema(const Schema<T>& schema, const std::string& id) {
  return to_json_schema(schema.declarations(), id);
}

}  // namespace sentra::config
