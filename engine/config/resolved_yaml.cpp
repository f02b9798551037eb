#include "engine/config/resolved_yaml.hpp"

#include "engine/config/format.hpp"

namespace sentra::config {

namespace {

struct ScalarText {
  std::string operator()(bool b) const { return b ? "true" : "false"; }
  std::string operator()(std::int64_t i) const { return std::to_string(i); }
  std::string operator()(std::uint64_t u) const { return std::to_string(u); }
  std::string operator()(double d) const { return format_double(d); }
  std::string operator()(const std::string& s) const { return quote_yaml(s); }
  std::string operator()(const std::vector<TimelineEvent>&) const { return ""; }
};

bool has_keys(const OutlineEntry& e) {
  if (e.key) return true;
  for (const OutlineEntry& c : e.children)
    if (has_keys(c)) return true;
  return false;
}

void write(const OutlineEntry& section, const Declarations& decl, const std::vector<Value>& values,
           const std::string& indent, std::string& out) {
  for (const OutlineEntry& e : section.children) {
    if (!has_keys(e)) continue;
    if (!e.key) {
      out += indent + e.name + ":\n";
      write(e, decl, values, indent + "  ", out);
      continue;
    }
    const Value& v = values.at(*decl.find_key(e.path));
    const auto* events = std::get_if<std::vector<TimelineEvent>>(&v);
    if (!events) {
      out += indent + e.name + ": " + std::visit(ScalarText{}, v) + '\n';
    } else if (events->empty()) {
      out += indent + e.name + ": []\n";
    } else {
      out += indent + e.name + ":\n";
      for (const TimelineEvent& ev : *events) {
        out += indent + "  - {at: " + std::to_string(ev.at) + ", set: " + quote_yaml(ev.key) +
               ", value: " + format_double(ev.value);
        if (ev.region >= 0) out += ", region: " + std::to_string(ev.region);
        out += "}\n";
      }
    }
  }
}

}  // namespace

std::string write_resolved_yaml(const Declarations& decl, const std::vector<Value>& values) {
  std::string out = "# Resolved configuration: every declared key with its final value.\n";
  write(decl.outline(), decl, values, "", out);
  return out;
}

}  // namespace sentra::config
