#include "engine/config/validate.hpp"

#include <algorithm>
#include <algorithm>
#include <charconv>
#include <cmath>

#include "engine/config/did_you_mean.hpp"
#include "engine/config/format.hpp"

namespace sentra::config {

namespace {

std::string join(const std::string& prefix, const std::string& key) { return prefix.empty() ? key : prefix + '.' + key; }

std::string unknown_key_message(const Declarations& decl, const std::string& prefix, const std::string& key) {
  const std::string path = join(prefix, key);
  if (key.find('.') != std::string::npos && (decl.find_key(path) || decl.is_section(path)))
    return "unknown key; write '" + path + "' as nested mappings, one level per name";
  const std::vector<std::string>& siblings = decl.children_of(prefix);
  if (const auto m = closest_match(key, siblings)) return "unknown key; did you mean '" + join(prefix, *m) + "'?";
  // Perhaps right name, wrong section: compare against the last segment of every path.
  std::vector<std::string> leaves, paths;
  for (const KeySpec& k : decl.keys()) {
    paths.push_back(k.path);
    leaves.push_back(k.path.substr(k.path.rfind('.') + 1));
  }
  if (const auto m = closest_match(key, leaves)) {
    for (std::size_t i = 0; i < leaves.size(); ++i)
      if (leaves[i] == *m) return "unknown key; did you mean '" + paths[i] + "'?";
  }
  std::string known;
  for (std::size_t i = 0; i < siblings.size() && i < 12; ++i) known += (i ? ", " : "") + siblings[i];
  if (siblings.size() > 12) known += ", ...";
  return known.empty() ? "unknown key" : "unknown key; expected one of: " + known;
}

bool all_digits(std::string_view t) {
  if (!t.empty() && (t.front() == '-' || t.front() == '+')) t.remove_prefix(1);
  if (t.empty()) return false;
  for (const char c : t)
    if (c < '0' || c > '9') return false;
  return true;
}

struct Checker {
  const Declarations& decl;
  std::map<std::string, Mark>& marks;
  std::vector<Diagnostic>& diags;

  std::nullopt_t fail(const Mark& mark, const std::string& path, const std::string& message) {
    report(diags, mark, path, message);
    return std::nullopt;
  }
  std::nullopt_t wrong_type(const KeySpec& k, const Node& n, const Mark& m, const std::string& path) {
    if (n.reported) return std::nullopt;
    return fail(m, path, "expected " + type_phrase(k) + ", got " + describe(n));
  }
  std::nullopt_t out_of_range(const KeySpec& k, const Node& n, const Mark& m, const std::string& path) {
    return fail(m, path, "expected " + expectation(k) + ", got " + describe(n));
  }

  std::optional<Value> integer(const KeySpec& k, const Node& n, const Mark& m, const std::string& path) {
    if (n.type != Node::Type::scalar || n.quoted || !all_digits(n.text)) return wrong_type(k, n, m, path);
    std::string_view t = n.text;
    if (t.front() == '+') t.remove_prefix(1);
    if (k.kind == Kind::unsigned_integer) {
      std::uint64_t u = 0;
      if (t.front() == '-' || std::from_chars(t.data(), t.data() + t.size(), u).ec != std::errc() || u < k.uint_min ||
          u > k.uint_max)
        return out_of_range(k, n, m, path);
      return u;
    }
    std::int64_t i = 0;
    if (std::from_chars(t.data(), t.data() + t.size(), i).ec != std::errc() || i < k.int_min || i > k.int_max)
      return out_of_range(k, n, m, path);
    return i;
  }

  std::optional<Value> number(const KeySpec& k, const Node& n, const Mark& m, const std::string& path) {
    if (n.type != Node::Type::scalar || n.quoted) return wrong_type(k, n, m, path);
    std::string t = n.text;
    if (!t.empty() && t.front() == '+') t.erase(0, 1);
    std::string lower;
    for (const char c : t) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    const std::string_view l = lower;
    const std::string_view bare = !l.empty() && l.front() == '-' ? l.substr(1) : l;
    if (bare == ".nan" || bare == ".inf" || bare == "nan" || bare == "inf" || bare == "infinity")
      return fail(m, path, "expected a finite number, got " + describe(n));
    double d = 0.0;
    const auto res = std::from_chars(t.data(), t.data() + t.size(), d);
    if (res.ptr != t.data() + t.size() || t.empty()) return wrong_type(k, n, m, path);
    if (res.ec == std::errc::result_out_of_range) {
      const bool tiny = l.find("e-") != std::string_view::npos;
      return fail(m, path, std::string(tiny ? "expected a number not too small for a double" : "expected a finite number") +
                               ", got " + describe(n));
    }
    if (res.ec != std::errc() || !std::isfinite(d)) return fail(m, path, "expected a finite number, got " + describe(n));
    if (d < k.num_min || d > k.num_max) return out_of_range(k, n, m, path);
    return d;
  }

  std::optional<Value> boolean(const KeySpec& k, const Node& n, const Mark& m, const std::string& path) {
    if (n.type == Node::Type::scalar && !n.quoted) {
      if (n.text == "true" || n.text == "True" || n.text == "TRUE") return true;
      if (n.text == "false" || n.text == "False" || n.text == "FALSE") return false;
    }
    return wrong_type(k, n, m, path);
  }

  std::optional<Value> string(const KeySpec& k, const Node& n, const Mark& m, const std::string& path) {
    if (n.type != Node::Type::scalar) return wrong_type(k, n, m, path);
    if (k.file_name && !is_file_name(n.text)) return fail(m, path, "expected " + expectation(k) + ", got " + describe(n));
    return n.text;
  }

  std::optional<Value> choice(const KeySpec& k, const Node& n, const Mark& m, const std::string& path) {
    if (n.type == Node::Type::scalar)
      for (const std::string& c : k.choices)
        if (c == n.text) return n.text;
    std::string message = "expected " + type_phrase(k) + ", got " + describe(n);
    if (n.type == Node::Type::scalar)
      if (const auto guess = closest_match(n.text, k.choices)) message += "; did you mean '" + *guess + "'?";
    return fail(m, path, message);
  }

  std::optional<Value> timeline(const Node& n, const Mark& m, const std::string& path) {
    std::vector<TimelineEvent> events;
    if (n.type == Node::Type::null) return events;
    if (n.type != Node::Type::sequence)
      return fail(m, path, "expected a list of events {at, set, value, region}, got " + describe(n));
    bool ok = true;
    for (std::size_t i = 0; i < n.items.size(); ++i) {
      const std::string item_path = path + '[' + std::to_string(i) + ']';
      if (auto e = event(n.items[i], item_path)) events.push_back(std::move(*e));
      else ok = false;
    }
    if (!ok) return std::nullopt;
    return events;
  }

  std::optional<TimelineEvent> event(const Node& item, const std::string& path) {
    marks[path] = item.mark;
    if (item.reported) return std::nullopt;
    if (item.type != Node::Type::map)
      return fail(item.mark, path, "expected an event {at, set, value, region}, got " + describe(item));
    static const std::vector<std::string> fields = {"at", "set", "value", "region"};
    const std::size_t before = diags.size();
    for (const Entry& e : item.entries) {
      if (std::find(fields.begin(), fields.end(), e.key) != fields.end()) continue;
      const auto guess = closest_match(e.key, fields);
      fail(e.key_mark, path + '.' + e.key,
           guess ? "unknown event field; did you mean '" + *guess + "'?"
                 : "unknown event field; expected one of: at, set, value, region");
    }
    std::string missing;
    for (const char* f : {"at", "set", "value"})
      if (!item.find(f)) missing += cat({missing.empty() ? "'" : ", '", f, "'"});
    if (!missing.empty()) fail(item.mark, path, "expected an event with 'at', 'set' and 'value', got no " + missing);

    TimelineEvent ev;
    ev.mark = item.mark;
    const auto field_mark = [](const Entry& e) { return e.value.type == Node::Type::null ? e.key_mark : e.value.mark; };
    KeySpec non_negative;
    non_negative.kind = Kind::integer;
    non_negative.int_min = 0;
    if (const Entry* e = item.find("at")) {
      marks[path + ".at"] = field_mark(*e);
      if (auto v = integer(non_negative, e->value, field_mark(*e), path + ".at")) ev.at = std::get<std::int64_t>(*v);
    }
    if (const Entry* e = item.find("region")) {
      marks[path + ".region"] = field_mark(*e);
      if (auto v = integer(non_negative, e->value, field_mark(*e), path + ".region"))
        ev.region = std::get<std::int64_t>(*v);
    }
    const KeySpec* target = nullptr;
    if (const Entry* e = item.find("set")) {
      marks[path + ".set"] = field_mark(*e);
      target = settable_key(e->value, field_mark(*e), path + ".set");
      if (target) ev.key = target->path;
    }
    if (const Entry* e = item.find("value"); e && target) {
      marks[path + ".value"] = field_mark(*e);
      if (auto v = convert_leaf(*target, e->value, field_mark(*e), path + ".value")) {
        if (const auto* i = std::get_if<std::int64_t>(&*v)) ev.value = static_cast<double>(*i);
        else ev.value = std::get<double>(*v);
      }
    }
    if (diags.size() != before) return std::nullopt;
    return ev;
  }

  const KeySpec* settable_key(const Node& n, const Mark& m, const std::string& path) {
    const std::vector<std::string> settable = decl.settable_paths();
    if (n.type == Node::Type::scalar) {
      if (const auto k = decl.find_key(n.text); k && decl.key(*k).settable) return &decl.key(*k);
    }
    if (n.reported) return nullptr;
    std::string message = "expected a settable key, got " + describe(n);
    if (n.type == Node::Type::scalar && decl.find_key(n.text)) {
      message += ", which is not settable";
    } else if (settable.empty()) {
      message += "; no keys are settable";
    } else if (n.type == Node::Type::scalar) {
      if (const auto guess = closest_match(n.text, settable)) message += "; did you mean '" + *guess + "'?";
    }
    fail(m, path, message);
    return nullptr;
  }

  std::optional<Value> convert_leaf(const KeySpec& k, const Node& n, const Mark& m, const std::string& path) {
    if (n.reported) return std::nullopt;
    switch (k.kind) {
      case Kind::integer:
      case Kind::unsigned_integer: return integer(k, n, m, path);
      case Kind::number: return number(k, n, m, path);
      case Kind::boolean: return boolean(k, n, m, path);
      case Kind::string: return string(k, n, m, path);
      case Kind::choice: return choice(k, n, m, path);
      case Kind::timeline: return timeline(n, m, path);
    }
    return std::nullopt;
  }
};

struct Found {
  const Node* node = nullptr;
  Mark mark;
};

void walk(const Declarations& decl, const Node& map, const std::string& prefix, std::vector<Found>& found,
          std::map<std::string, Mark>& marks, std::vector<Diagnostic>& diags) {
  for (const Entry& e : map.entries) {
    const std::string path = join(prefix, e.key);
    // An empty value's own mark is at the next token; the key is where the user looks.
    const Mark& value_mark = e.value.type == Node::Type::null ? e.key_mark : e.value.mark;
    if (e.key.find('.') != std::string::npos) {
      // "sme.markup: 1" would bypass duplicate detection against "sme: {markup: 2}".
      report(diags, e.key_mark, path, unknown_key_message(decl, prefix, e.key));
    } else if (const auto k = decl.find_key(path)) {
      found[*k] = {&e.value, value_mark};
    } else if (decl.is_section(path)) {
      marks[path] = e.key_mark;
      if (e.value.type == Node::Type::map) walk(decl, e.value, path, found, marks, diags);
      else if (e.value.type != Node::Type::null && !e.value.reported)  // "sme:" with everything commented out is fine
        report(diags, value_mark, path, "expected a mapping (the section '" + path + "'), got " + describe(e.value));
    } else {
      report(diags, e.key_mark, path, unknown_key_message(decl, prefix, e.key));
    }
  }
}

}  // namespace

std::optional<Value> convert(const Declarations& decl, const KeySpec& key, const Node& node, const Mark& mark,
                             const std::string& path, std::map<std::string, Mark>& marks,
                             std::vector<Diagnostic>& diags) {
  Checker c{decl, marks, diags};
  return c.convert_leaf(key, node, mark, path);
}

Validated validate(const Declarations& decl, const Node& root, const std::vector<Override>& overrides,
                   const Mark& defaults, std::vector<Diagnostic>& diags) {
  Validated out;
  std::vector<Found> found(decl.keys().size());
  walk(decl, root, "", found, out.marks, diags);
  for (const Override& o : overrides)
    if (const auto k = decl.find_key(o.path)) found[*k] = {&o.value, o.value.mark};

  out.values.resize(decl.keys().size());
  for (std::size_t i = 0; i < decl.keys().size(); ++i) {
    const KeySpec& key = decl.key(i);
    if (!found[i].node) {
      out.marks[key.path] = defaults;
      if (key.default_value) out.values[i] = *key.default_value;
      else report(diags, defaults, key.path, "expected " + expectation(key) + " (required key), got nothing");
      continue;
    }
    out.marks[key.path] = found[i].mark;
    if (auto v = convert(decl, key, *found[i].node, found[i].mark, key.path, out.marks, diags)) out.values[i] = *v;
  }
  return out;
}

}  // namespace sentra::config
