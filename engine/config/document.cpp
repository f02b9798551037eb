#include "engine/config/document.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "engine/config/format.hpp"
#include "engine/config/merge.hpp"
#include "engine/config/text_guards.hpp"

namespace sentra::config {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t max_extends_depth = 16;

std::string size_problem(std::size_t max_bytes, std::uintmax_t actual) {
  return "expected a file of at most " + std::to_string(max_bytes) + " bytes, got " + std::to_string(actual) +
         " bytes";
}

// Identity of a file for cycle detection; falls back to the lexical path if the
// file system cannot tell.
std::string identity(const std::string& path) {
  std::error_code ec;
  const fs::path p = fs::weakly_canonical(fs::path(path), ec);
  return ec ? fs::path(path).lexically_normal().string() : p.string();
}

struct Chain {
  std::vector<std::string> ids;
  std::vector<std::string> names;  // as shown to the user
};

std::optional<Node> load_chain(const std::string& file, const std::string& text, const LoadOptions& options,
                               Chain& chain, std::vector<Diagnostic>& diags) {
  if (text.size() > options.max_file_bytes) {
    report(diags, {file, 1, 1}, "", size_problem(options.max_file_bytes, text.size()));
    return std::nullopt;
  }
  std::optional<Node> root = parse_yaml(file, text, options.max_depth, diags);
  if (!root) return std::nullopt;
  if (root->type != Node::Type::map) {
    std::string got = describe(*root);
    if (root->type == Node::Type::null && only_comments(text))
      got = text.find_first_not_of(" \t\r\n") == std::string::npos ? "an empty file" : "only comments";
    report(diags, root->mark, "", "expected a mapping of keys at the top level, got " + got);
    return std::nullopt;
  }

  const auto it = std::find_if(root->entries.begin(), root->entries.end(), [](const Entry& e) { return e.key == "extends"; });
  if (it == root->entries.end()) return root;
  const Entry extends = std::move(*it);
  root->entries.erase(it);

  if (extends.value.type != Node::Type::scalar) {
    const Mark& m = extends.value.type == Node::Type::null ? extends.key_mark : extends.value.mark;
    report(diags, m, "extends", "expected a file path, got " + describe(extends.value));
    return std::nullopt;
  }
  const std::string parent = (fs::path(file).parent_path() / extends.value.text).lexically_normal().string();
  const std::string id = identity(parent);
  if (std::find(chain.ids.begin(), chain.ids.end(), id) != chain.ids.end()) {
    std::string cycle;
    for (const std::string& n : chain.names) cycle += n + " -> ";
    report(diags, extends.value.mark, "extends", "expected no cycle of extends, got " + cycle + parent);
    return std::nullopt;
  }
  if (chain.ids.size() >= max_extends_depth) {
    report(diags, extends.value.mark, "extends",
                     "expected at most " + std::to_string(max_extends_depth) + " levels of extends, got more");
    return std::nullopt;
  }
  const std::optional<std::string> parent_text =
      read_source(parent, options.max_file_bytes, extends.value.mark, "extends", diags);
  if (!parent_text) return std::nullopt;

  chain.ids.push_back(id);
  chain.names.push_back(parent);
  std::optional<Node> base = load_chain(parent, *parent_text, options, chain, diags);
  chain.ids.pop_back();
  chain.names.pop_back();
  if (!base) return std::nullopt;
  merge_into(*base, std::move(*root));
  return base;
}

}  // namespace

std::optional<std::string> read_source(const std::string& path, std::size_t max_bytes, const Mark& referenced_at,
                                       const std::string& ref_path, std::vector<Diagnostic>& diags) {
  const auto fail = [&](const std::string& got) {
    report(diags, referenced_at, ref_path, "expected a readable file, got " + got);
    return std::nullopt;
  };
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) return fail(cat({"\'", printable(path, 200), "', which does not exist"}));
  if (fs::is_directory(status)) return fail(cat({"the directory '", printable(path, 200), "'"}));
  // Devices and pipes could be endless; only regular files have a size to check.
  if (!fs::is_regular_file(status)) return fail(cat({"\'", printable(path, 200), "', which is not a regular file"}));
  const std::uintmax_t size = fs::file_size(path, ec);
  if (ec) return fail(cat({"\'", printable(path, 200), "', whose size cannot be read"}));
  if (size > max_bytes) {
    report(diags, {path, 1, 1}, "", size_problem(max_bytes, size));
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(cat({"\'", printable(path, 200), "', which cannot be opened"}));
  std::string text;
  text.resize(static_cast<std::size_t>(size));
  in.read(text.data(), static_cast<std::streamsize>(size));
  text.resize(static_cast<std::size_t>(in.gcount()));
  return text;
}

std::optional<Node> load_document(const std::string& file, const std::string& text, const LoadOptions& options,
                                  std::vector<Diagnostic>& diags) {
  Chain chain{{identity(file)}, {file}};
  return load_chain(file, text, options, chain, diags);
}

}  // namespace sentra::config
