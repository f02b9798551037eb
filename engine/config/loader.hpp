#pragma once
// Loading a scenario: file (+ extends parents) + --set overrides -> validated T, or a
// ConfigError listing every problem with file:line:col.

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "engine/config/diagnostic.hpp"
#include "engine/config/key_spec.hpp"
#include "engine/config/load_options.hpp"
#include "engine/config/schema.hpp"
#include "engine/config/yaml_tree.hpp"

namespace sentra::config {

// Everything about a load except the typed value, so it can live in a .cpp.
struct LoadResult {
  std::string file;           // the name the scenario was loaded under
  std::string given_text;     // the file as given (without its extends parents)
  std::string resolved_yaml;  // every declared key with its final value; loads back to the same values
  std::map<std::string, Mark> marks;

  // Where the value at `path` came from: a file position, a --set argument, or for defaults
  // the start of the file. Timeline events have paths like "timeline[2]" and "timeline[2].value".
  Mark mark_of(const std::string& path) const;

  // A diagnostic for the caller's own cross-key checks, marked where `path` came from:
  // error("sme.smes", "at most households.count", "5000").format() ->
  // "s.yaml:3:9: sme.smes: expected at most households.count, got 5000".
  Diagnostic error(const std::string& path, const std::string& expected, const std::string& got) const;
};

template <class T>
struct Loaded : LoadResult {
  T value{};
};

// A scenario file read and parsed once, its extends parents merged: what load_parsed starts
// from. A caller that loads one file many times with different overrides (a sweep's runs)
// reads and parses it once, and every load sees the file as it was then.
struct ParsedFile {
  std::string file;  // the name it was read under
  std::string text;  // the file as given (without its extends parents)
  Node root;         // the merged document
};

// Throws ConfigError when the file cannot be read or parsed (options: its size and depth limits).
ParsedFile parse_file(const std::string& path, const LoadOptions& options = {});

namespace detail {
struct Resolution {
  LoadResult result;
  std::vector<Value> values;  // one per declared key
};
Resolution resolve_text(const Declarations& decl, const std::string& name, const std::string& text,
                        const LoadOptions& options);
Resolution resolve_file(const Declarations& decl, const std::string& path, const LoadOptions& options);
Resolution resolve_parsed(const Declarations& decl, const ParsedFile& parsed, const LoadOptions& options);

template <class T>
Loaded<T> fill(const Schema<T>& schema, Resolution&& r) {
  Loaded<T> out;
  static_cast<LoadResult&>(out) = std::move(r.result);
  for (std::size_t i = 0; i < r.values.size(); ++i) schema.assign(out.value, i, r.values[i]);
  return out;
}
}  // namespace detail

// Throws ConfigError (all problems) or std::logic_error (the schema itself is wrong).
template <class T>
Loaded<T> load_file(const Schema<T>& schema, const std::string& path, const LoadOptions& options = {}) {
  return detail::fill(schema, detail::resolve_file(schema.declarations(), path, options));
}

// `name` is used in marks and to resolve a relative `extends`.
template <class T>
Loaded<T> load_text(const Schema<T>& schema, const std::string& name, const std::string& text,
                    const LoadOptions& options = {}) {
  return detail::fill(schema, detail::resolve_text(schema.declarations(), name, text, options));
}

// The same as load_file on the file parse_file read, with options.overrides applied.
template <class T>
Loaded<T> load_parsed(const Schema<T>& schema, const ParsedFile& parsed, const LoadOptions& options = {}) {
  return detail::fill(schema, detail::resolve_parsed(schema.declarations(), parsed, options));
}

}  // namespace sentra::config
