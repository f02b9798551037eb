#include <cmath>
#include <cstdio>

#include "engine/config/docs.hpp"
#include "engine/config/format.hpp"

namespace sentra::config {

namespace {

std::string quote_json(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char hex[8];
          std::snprintf(hex, sizeof hex, "\\u%04x", static_cast<unsigned>(c));
          out += hex;
        } else {
          out += c;
        }
    }
  }
  return out + '"';
}

// A JSON value whose scalars are already serialised; members keep insertion order so the
// output is stable.
struct Json {
  enum class Type { scalar, object, array } type = Type::object;
  std::string text;
  std::vector<std::pair<std::string, Json>> members;
  std::vector<Json> items;

  static Json raw(std::string t) { return {Type::scalar, std::move(t), {}, {}}; }
  static Json str(std::string_view s) { return raw(quote_json(s)); }
  static Json array() { return {Type::array, {}, {}, {}}; }
  Json& set(const std::string& key, Json value) {
    members.emplace_back(key, std::move(value));
    return members.back().second;
  }

  void write(std::string& out, const std::string& indent) const {
    if (type == Type::scalar) {
      out += text;
      return;
    }
    const bool object = type == Type::object;
    const std::size_t n = object ? members.size() : items.size();
    if (n == 0) {
      out += object ? "{}" : "[]";
      return;
    }
    const std::string inner = indent + "  ";
    out += object ? "{\n" : "[\n";
    for (std::size_t i = 0; i < n; ++i) {
      out += inner;
      if (object) {
        out += quote_json(members[i].first) + ": ";
        members[i].second.write(out, inner);
      } else {
        items[i].write(out, inner);
      }
      out += i + 1 < n ? ",\n" : "\n";
    }
    out += indent + (object ? "}" : "]");
  }
};

Json default_json(const Value& v) {
  struct Visitor {
    Json operator()(bool b) const { return Json::raw(b ? "true" : "false"); }
    Json operator()(std::int64_t i) const { return Json::raw(std::to_string(i)); }
    Json operator()(std::uint64_t u) const { return Json::raw(std::to_string(u)); }
    Json operator()(double d) const { return Json::raw(format_double(d)); }
    Json operator()(const std::string& s) const { return Json::str(s); }
    Json operator()(const std::vector<TimelineEvent>&) const { return Json::array(); }
  };
  return std::visit(Visitor{}, v);
}

Json timeline_schema(const Declarations& decl) {
  Json item;
  item.set("type", Json::str("object"));
  item.set("additionalProperties", Json::raw("false"));
  Json required = Json::array();
  for (const char* f : {"at", "set", "value"}) required.items.push_back(Json::str(f));
  item.set("required", std::move(required));
  Json& props = item.set("properties", Json{});
  Json& at = props.set("at", Json{});
  at.set("type", Json::str("integer"));
  at.set("minimum", Json::raw("0"));
  at.set("description", Json::str("Step at which the value changes."));
  Json& set = props.set("set", Json{});
  set.set("type", Json::str("string"));
  Json choices = Json::array();
  for (const std::string& p : decl.settable_paths()) choices.items.push_back(Json::str(p));
  if (!choices.items.empty()) set.set("enum", std::move(choices));  // draft-07 wants a non-empty enum
  set.set("description", Json::str("A settable key."));
  Json& value = props.set("value", Json{});
  value.set("type", Json::str("number"));
  value.set("description", Json::str("New value, checked against the key's type and range."));
  Json& region = props.set("region", Json{});
  region.set("type", Json::str("integer"));
  region.set("minimum", Json::raw("0"));
  region.set("description", Json::str("Only this region; all regions when absent."));
  return item;
}

Json key_schema(const Declarations& decl, const KeySpec& k) {
  Json j;
  switch (k.kind) {
    case Kind::integer:
      j.set("type", Json::str("integer"));
      if (k.int_min > std::numeric_limits<std::int64_t>::min()) j.set("minimum", Json::raw(std::to_string(k.int_min)));
      if (k.int_max < std::numeric_limits<std::int64_t>::max()) j.set("maximum", Json::raw(std::to_string(k.int_max)));
      break;
    case Kind::unsigned_integer:
      j.set("type", Json::str("integer"));
      j.set("minimum", Json::raw(std::to_string(k.uint_min)));
      if (k.uint_max < std::numeric_limits<std::uint64_t>::max())
        j.set("maximum", Json::raw(std::to_string(k.uint_max)));
      break;
    case Kind::number:
      j.set("type", Json::str("number"));
      if (std::isfinite(k.num_min)) j.set("minimum", Json::raw(format_double(k.num_min)));
      if (std::isfinite(k.num_max)) j.set("maximum", Json::raw(format_double(k.num_max)));
      break;
    case Kind::boolean: j.set("type", Json::str("boolean")); break;
    case Kind::string:
      j.set("type", Json::str("string"));
      if (k.file_name) j.set("pattern", Json::str("^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,99}$"));  // is_file_name
      break;
    case Kind::choice: {
      j.set("type", Json::str("string"));
      Json e = Json::array();
      for (const std::string& c : k.choices) e.items.push_back(Json::str(c));
      j.set("enum", std::move(e));
      break;
    }
    case Kind::timeline:
      j.set("type", Json::str("array"));
      j.set("items", timeline_schema(decl));
      break;
  }
  if (k.default_value) j.set("default", default_json(*k.default_value));
  if (!k.description.empty()) j.set("description", Json::str(k.description));
  if (!k.unit.empty()) j.set("x-unit", Json::str(k.unit));
  if (k.settable) j.set("x-settable", Json::raw("true"));
  return j;
}

bool has_required(const OutlineEntry& e) {
  if (e.key) return e.key->required;
  for (const OutlineEntry& c : e.children)
    if (has_required(c)) return true;
  return false;
}

// The object schema of a section: its keys and subsections.
void fill_object(const Declarations& decl, const OutlineEntry& section, Json& j) {
  j.set("type", Json::str("object"));
  if (section.section && !section.section->description.empty())
    j.set("description", Json::str(section.section->description));
  j.set("additionalProperties", Json::raw("false"));
  Json& props = j.set("properties", Json{});
  if (section.path.empty()) {
    Json& ext = props.set("extends", Json{});
    ext.set("type", Json::str("string"));
    ext.set("description", Json::str("A scenario file to start from, relative to this one."));
  }
  for (const OutlineEntry& c : section.children) {
    if (c.key) props.set(c.name, key_schema(decl, *c.key));
    else fill_object(decl, c, props.set(c.name, Json{}));
  }
}

// Required keys only apply to a file that stands alone: with `extends` they may come from
// the parent. So "required" sits under an if/then instead of on the objects themselves.
Json required_skeleton(const OutlineEntry& section) {
  Json j;
  Json required = Json::array();
  Json props;
  for (const OutlineEntry& c : section.children) {
    if (!has_required(c)) continue;
    required.items.push_back(Json::str(c.name));
    if (!c.key) props.set(c.name, required_skeleton(c));
  }
  j.set("required", std::move(required));
  if (!props.members.empty()) j.set("properties", std::move(props));
  return j;
}

}  // namespace

std::string to_json_schema(const Declarations& decl, const std::string& id) {
  decl.check();
  const OutlineEntry outline = decl.outline();
  Json root;
  root.set("$schema", Json::str("http://json-schema.org/draft-07/schema#"));
  root.set("$id", Json::str(id));
  root.set("title", Json::str("Scenario configuration"));
  fill_object(decl, outline, root);
  if (has_required(outline)) {
    Json& cond = root.set("if", Json{});
    Json& no_extends = cond.set("not", Json{});
    Json req = Json::array();
    req.items.push_back(Json::str("extends"));
    no_extends.set("required", std::move(req));
    root.set("then", required_skeleton(outline));
  }
  std::string out;
  root.write(out, "");
  return out + '\n';
}

}  // namespace sentra::config
