#include "engine/config/loader.hpp"

#include <algorithm>
#include <tuple>

#include "engine/config/did_you_mean.hpp"
#include "engine/config/document.hpp"
#include "engine/config/format.hpp"
#include "engine/config/resolved_yaml.hpp"
#include "engine/config/validate.hpp"

namespace sentra::config {

Mark LoadResult::mark_of(const std::string& path) const {
  const auto it = marks.find(path);
  return it == marks.end() ? Mark{file, 1, 1} : it->second;
}

Diagnostic LoadResult::error(const std::string& path, const std::string& expected, const std::string& got) const {
  return {mark_of(path), path, "expected " + expected + ", got " + got};
}

namespace detail {

namespace {

// A flood of errors (a generated file gone wrong) helps nobody; the first ones do.
constexpr std::size_t max_reported = 100;

// Reported in reading order: files in the order they first appear, then by position.
[[noreturn]] void fail(std::vector<Diagnostic> diags, const std::string& file) {
  std::vector<std::string> files;
  for (const Diagnostic& d : diags)
    if (std::find(files.begin(), files.end(), d.mark.file) == files.end()) files.push_back(d.mark.file);
  const auto rank = [&](const Diagnostic& d) {
    const bool command_line = d.mark.file.rfind("--set ", 0) == 0;  // after the files, like they apply
    return std::make_tuple(command_line, std::find(files.begin(), files.end(), d.mark.file) - files.begin(),
                           d.mark.line, d.mark.column);
  };
  std::stable_sort(diags.begin(), diags.end(), [&](const Diagnostic& a, const Diagnostic& b) { return rank(a) < rank(b); });
  if (diags.size() > max_reported) {
    const std::size_t more = diags.size() - max_reported;
    diags.resize(max_reported);
    report(diags, {file, 1, 1}, "", "... and " + std::to_string(more) + " more problems");
  }
  throw ConfigError(std::move(diags));
}

void shift_columns(Node& n, int offset) {
  if (n.mark.line == 1) n.mark.column += offset;
  for (Node& item : n.items) shift_columns(item, offset);
  for (Entry& e : n.entries) {
    if (e.key_mark.line == 1) e.key_mark.column += offset;
    shift_columns(e.value, offset);
  }
}

// "--set a.b=value": the value is YAML, checked later exactly like a value from the file.
std::vector<Override> parse_overrides(const Declarations& decl, const LoadOptions& options,
                                      std::vector<Diagnostic>& diags) {
  std::vector<Override> out;
  for (const std::string& arg : options.overrides) {
    const std::string shown = "--set " + arg;
    const std::size_t eq = arg.find('=');
    if (eq == std::string::npos || eq == 0) {
      report(diags, {shown, 1, 1}, "", cat({"expected key=value, got '", printable(arg), "'"}));
      continue;
    }
    const std::string path = arg.substr(0, eq);
    const int key_column = 7;  // after "--set "
    if (!decl.find_key(path)) {
      std::string message = "unknown key";
      if (decl.is_section(path)) message = "expected a key, got a section";
      else if (const auto guess = closest_match(path, decl.key_paths())) message += "; did you mean '" + *guess + "'?";
      report(diags, {shown, 1, key_column}, path, message);
      continue;
    }
    // Marks count from the start of the value; shift them to count from the start of `shown`.
    const int offset = key_column - 1 + static_cast<int>(eq) + 1;
    const std::size_t first_new = diags.size();
    std::optional<Node> value = parse_yaml(shown, std::string_view(arg).substr(eq + 1), options.max_depth, diags, path);
    for (std::size_t i = first_new; i < diags.size(); ++i)
      if (diags[i].mark.line == 1) diags[i].mark.column += offset;
    if (!value) continue;
    shift_columns(*value, offset);
    if (value->type == Node::Type::null) value->mark = {shown, 1, key_column + static_cast<int>(eq) + 1};
    out.push_back({path, std::move(*value)});
  }
  return out;
}

// The merged document (null if it was unusable: `diags` says why) with the overrides, checked.
Resolution resolve_root(const Declarations& decl, const std::string& name, const std::string& text, const Node* root,
                        const LoadOptions& options, std::vector<Diagnostic>& diags) {
  const std::vector<Override> overrides = parse_overrides(decl, options, diags);
  if (!root) fail(std::move(diags), name);
  Validated v = validate(decl, *root, overrides, Mark{name, 1, 1}, diags);
  if (!diags.empty()) fail(std::move(diags), name);

  Resolution r;
  r.result.file = name;
  r.result.given_text = text;
  r.result.resolved_yaml = write_resolved_yaml(decl, v.values);
  r.result.marks = std::move(v.marks);
  r.values = std::move(v.values);
  return r;
}

}  // namespace

Resolution resolve_text(const Declarations& decl, const std::string& name, const std::string& text,
                        const LoadOptions& options) {
  decl.check();
  std::vector<Diagnostic> diags;
  const std::optional<Node> root = load_document(name, text, options, diags);
  return resolve_root(decl, name, text, root ? &*root : nullptr, options, diags);
}

Resolution resolve_parsed(const Declarations& decl, const ParsedFile& parsed, const LoadOptions& options) {
  decl.check();
  std::vector<Diagnostic> diags;
  return resolve_root(decl, parsed.file, parsed.text, &parsed.root, options, diags);
}

Resolution resolve_file(const Declarations& decl, const std::string& path, const LoadOptions& options) {
  decl.check();
  std::vector<Diagnostic> diags;
  const std::optional<std::string> text = read_source(path, options.max_file_bytes, {path, 1, 1}, "", diags);
  if (!text) fail(std::move(diags), path);
  return resolve_text(decl, path, *text, options);
}

}  // namespace detail

ParsedFile parse_file(const std::string& path, const LoadOptions& options) {
  std::vector<Diagnostic> diags;
  std::optional<std::string> text = read_source(path, options.max_file_bytes, {path, 1, 1}, "", diags);
  if (!text) detail::fail(std::move(diags), path);
  std::optional<Node> root = load_document(path, *text, options, diags);
  // A document can come back with problems noted (a duplicate key, an alias): refused here as
  // load_file refuses it.
  if (!root || !diags.empty()) detail::fail(std::move(diags), path);
  return ParsedFile{path, std::move(*text), std::move(*root)};
}

}  // namespace sentra::config
