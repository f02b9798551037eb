#include "engine/config/key_spec.hpp"

#include <cmath>
#include <stdexcept>

#include "engine/config/format.hpp"

namespace sentra::config {

namespace {

bool valid_segment(std::string_view s) {
  if (s.empty()) return false;
  for (const char c : s) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

std::vector<std::string_view> split(std::string_view path) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = path.find('.', start);
    parts.push_back(path.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
    if (dot == std::string_view::npos) return parts;
    start = dot + 1;
  }
}

void require_valid_path(const std::string& path) {
  for (const std::string_view seg : split(path))
    if (!valid_segment(seg))
      throw std::logic_error("config: invalid key path '" + path + "' (segments are letters, digits, '_' or '-')");
  if (path == "extends" || path.rfind("extends.", 0) == 0)
    throw std::logic_error("config: 'extends' is reserved for scenario inheritance");
}

const std::vector<std::string> no_children;

}  // namespace

void Declarations::add_path_segments(const std::string& path, bool is_key) {
  std::string parent;
  const auto parts = split(path);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string here = parent.empty() ? std::string(parts[i]) : parent + '.' + std::string(parts[i]);
    const bool last = i + 1 == parts.size();
    if (!last && key_index_.count(here))
      throw std::logic_error("config: '" + path + "' is declared under '" + here + "', which is a key, not a section");
    auto& siblings = children_[parent];
    bool known = false;
    for (const std::string& s : siblings) known = known || s == parts[i];
    if (!known) siblings.emplace_back(parts[i]);
    if (!last || !is_key) children_.try_emplace(here);
    parent = here;
  }
}

std::size_t Declarations::add_key(const std::string& path, Kind kind) {
  require_valid_path(path);
  if (key_index_.count(path)) throw std::logic_error("config: key '" + path + "' is declared twice");
  if (children_.count(path)) throw std::logic_error("config: key '" + path + "' is already a section");
  add_path_segments(path, true);
  KeySpec spec;
  spec.path = path;
  spec.kind = kind;
  if (kind == Kind::timeline) spec.default_value = std::vector<TimelineEvent>{};
  keys_.push_back(std::move(spec));
  key_index_.emplace(path, keys_.size() - 1);
  return keys_.size() - 1;
}

void Declarations::add_section(const std::string& path, const std::string& description) {
  require_valid_path(path);
  if (key_index_.count(path)) throw std::logic_error("config: section '" + path + "' is already a key");
  for (const SectionSpec& s : sections_)
    if (s.path == path) throw std::logic_error("config: section '" + path + "' is declared twice");
  add_path_segments(path, false);
  sections_.push_back({path, description});
}

std::optional<std::size_t> Declarations::find_key(std::string_view path) const {
  const auto it = key_index_.find(std::string(path));
  if (it == key_index_.end()) return std::nullopt;
  return it->second;
}

bool Declarations::is_section(std::string_view path) const {
  return !path.empty() && children_.count(std::string(path)) > 0;
}

const std::vector<std::string>& Declarations::children_of(std::string_view section) const {
  const auto it = children_.find(std::string(section));
  return it == children_.end() ? no_children : it->second;
}

std::vector<std::string> Declarations::key_paths() const {
  std::vector<std::string> out;
  for (const KeySpec& k : keys_) out.push_back(k.path);
  return out;
}

std::vector<std::string> Declarations::settable_paths() const {
  std::vector<std::string> out;
  for (const KeySpec& k : keys_)
    if (k.settable) out.push_back(k.path);
  return out;
}

namespace {
void fill_outline(const Declarations& d, OutlineEntry& entry) {
  for (const std::string& name : d.children_of(entry.path)) {
    OutlineEntry child;
    child.name = name;
    child.path = entry.path.empty() ? name : entry.path + '.' + name;
    if (const auto k = d.find_key(child.path)) {
      child.key = &d.key(*k);
    } else {
      for (const SectionSpec& s : d.sections())
        if (s.path == child.path) child.section = &s;
      fill_outline(d, child);
    }
    entry.children.push_back(std::move(child));
  }
}
}  // namespace

OutlineEntry Declarations::outline() const {
  OutlineEntry root;
  fill_outline(*this, root);
  return root;
}

void Declarations::check() const {
  std::string problems;
  const auto problem = [&](const KeySpec& k, const std::string& what) { problems += "\n  " + k.path + ": " + what; };
  for (const KeySpec& k : keys_) {
    if (k.kind == Kind::choice && k.choices.empty()) problem(k, "a choice needs at least one option");
    if (!k.default_value) {
      if (!k.required) problem(k, "has neither a default (.def) nor .required()");
      continue;
    }
    if (k.required && k.kind != Kind::timeline) {
      problem(k, "is .required() but also has a default");
      continue;
    }
    const Value& v = *k.default_value;
    bool ok = true;
    switch (k.kind) {
      case Kind::integer: {
        const std::int64_t i = std::get<std::int64_t>(v);
        ok = i >= k.int_min && i <= k.int_max;
        break;
      }
      case Kind::unsigned_integer: {
        const std::uint64_t u = std::get<std::uint64_t>(v);
        ok = u >= k.uint_min && u <= k.uint_max;
        break;
      }
      case Kind::number: {
        const double n = std::get<double>(v);
        ok = std::isfinite(n) && n >= k.num_min && n <= k.num_max;
        break;
      }
      case Kind::choice: {
        ok = false;
        for (const std::string& c : k.choices) ok = ok || c == std::get<std::string>(v);
        break;
      }
      default: break;
    }
    if (!ok) problem(k, "default " + default_text(k) + " is not " + expectation(k));
  }
  if (!problems.empty()) throw std::logic_error("config: invalid declarations:" + problems);
}

bool is_file_name(std::string_view s) {
  if (s.empty() || s.size() > 100 || s.front() == '.') return false;
  for (const char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.'))
      return false;
  return true;
}

}  // namespace sentra::config
