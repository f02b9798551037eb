#pragma once
// The declarations behind a Schema<T>, independent of T so that validation, docs and
// JSON Schema generation are ordinary (non-template) code.

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/config/value.hpp"

namespace sentra::config {

enum class Kind { integer, unsigned_integer, number, boolean, string, choice, timeline };

struct KeySpec {
  std::string path;  // dotted: "sme.markup"
  Kind kind = Kind::integer;
  std::optional<Value> default_value;
  bool required = false;
  bool settable = false;  // may be changed by timeline events
  std::string unit;
  std::string description;
  // Bounds are inclusive. They start at the limits of the bound field's type, so a value that
  // would not fit the field is rejected like any other out-of-range value.
  std::int64_t int_min = std::numeric_limits<std::int64_t>::min();
  std::int64_t int_max = std::numeric_limits<std::int64_t>::max();
  std::uint64_t uint_min = 0;
  std::uint64_t uint_max = std::numeric_limits<std::uint64_t>::max();
  double num_min = -std::numeric_limits<double>::infinity();
  double num_max = std::numeric_limits<double>::infinity();
  std::vector<std::string> choices;
  // Strings only: the value names a file or folder (is_file_name), so it may not hold a path.
  bool file_name = false;
  // The bound field's own limits; range() may only narrow them.
  std::int64_t field_int_min = std::numeric_limits<std::int64_t>::min();
  std::int64_t field_int_max = std::numeric_limits<std::int64_t>::max();
  std::uint64_t field_uint_max = std::numeric_limits<std::uint64_t>::max();
};

// Letters, digits, '_', '-' and '.', 1 to 100 of them, not starting with '.': safe as one
// file or folder name on any file system, never a path ("../x", "a/b") or a hidden file.
bool is_file_name(std::string_view s);

struct SectionSpec {
  std::string path;
  std::string description;
};

// A key or section in declaration order, nested by section, for everything that writes
// keys back out (resolved YAML, Markdown, JSON Schema): the same declarations always give
// the same text.
struct OutlineEntry {
  std::string name;  // last path segment
  std::string path;
  const KeySpec* key = nullptr;          // set for keys
  const SectionSpec* section = nullptr;  // set for sections declared with a description
  std::vector<OutlineEntry> children;    // for sections
};

class Declarations {
 public:
  // Throws std::logic_error for malformed or conflicting paths: those are programming errors.
  std::size_t add_key(const std::string& path, Kind kind);
  void add_section(const std::string& path, const std::string& description);

  KeySpec& key(std::size_t i) { return keys_.at(i); }
  const KeySpec& key(std::size_t i) const { return keys_.at(i); }
  const std::vector<KeySpec>& keys() const { return keys_; }
  const std::vector<SectionSpec>& sections() const { return sections_; }

  std::optional<std::size_t> find_key(std::string_view path) const;
  bool is_section(std::string_view path) const;  // declared or implied by a key path
  // Names directly under a section ("" is the top level), keys and sections alike.
  const std::vector<std::string>& children_of(std::string_view section) const;
  std::vector<std::string> key_paths() const;
  std::vector<std::string> settable_paths() const;

  OutlineEntry outline() const;

  // Throws std::logic_error listing every declaration mistake (no default and not required,
  // default out of range, empty choices...). Called before each use of the declarations, since
  // the builder calls can come in any order.
  void check() const;

 private:
  void add_path_segments(const std::string& path, bool is_key);

  std::vector<KeySpec> keys_;
  std::vector<SectionSpec> sections_;
  std::unordered_map<std::string, std::size_t> key_index_;
  std::unordered_map<std::string, std::vector<std::string>> children_;  // section -> child names
  std::vector<std::string> section_order_;  // implied and declared sections, first appearance
};

}  // namespace sentra::config
