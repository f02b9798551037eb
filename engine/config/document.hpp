#pragma once
// Turning a scenario file into one merged tree: read with limits, parse, check the top level,
// follow extends.

#include <optional>
#include <string>
#include <vector>

#include "engine/config/load_options.hpp"
#include "engine/config/yaml_tree.hpp"

namespace sentra::config {

// The file's text, or nullopt with a diagnostic at `referenced_at` (under key path
// `ref_path`) when it is missing, not a regular file, unreadable or larger than max_bytes.
std::optional<std::string> read_source(const std::string& path, std::size_t max_bytes, const Mark& referenced_at,
                                       const std::string& ref_path, std::vector<Diagnostic>& diags);

// The document as a top-level mapping, with any `extends` parents merged underneath it and
// the `extends` key removed. Nullopt when it cannot be used (problems are in diags).
std::optional<Node> load_document(const std::string& file, const std::string& text, const LoadOptions& options,
                                  std::vector<Diagnostic>& diags);

}  // namespace sentra::config
