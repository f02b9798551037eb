#include "engine/config/format.hpp"

#include <charconv>
#include <cstdio>
#include <limits>
#include <system_error>

namespace sentra::config {

std::string cat(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (const std::string_view p : parts) out += p;
  return out;
}

std::string format_double(double v) {
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, res.ptr);
}

std::string quote_yaml(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (u < 0x20 || u == 0x7f) {
          char hex[8];
          std::snprintf(hex, sizeof hex, "\\x%02x", static_cast<unsigned>(u));
          out += hex;
        } else {
          out += c;  // UTF-8 passes through: double-quoted YAML is Unicode
        }
    }
  }
  return out + '"';
}

std::string_view kind_name(Kind kind) {
  switch (kind) {
    case Kind::integer:
    case Kind::unsigned_integer: return "integer";
    case Kind::number: return "number";
    case Kind::boolean: return "boolean";
    case Kind::string: return "string";
    case Kind::choice: return "choice";
    case Kind::timeline: return "timeline";
  }
  return "?";
}

std::string type_phrase(const KeySpec& key) {
  switch (key.kind) {
    case Kind::integer:
    case Kind::unsigned_integer: return "an integer";
    case Kind::number: return "a number";
    case Kind::boolean: return "true or false";
    case Kind::string: return key.file_name ? "a name of letters, digits, '_', '-' and '.' (a file name)" : "a string";
    case Kind::choice: return "one of " + range_text(key);
    case Kind::timeline: return "a list of events {at, set, value, region}";
  }
  return "?";
}

std::string range_text(const KeySpec& key) {
  switch (key.kind) {
    case Kind::integer: {
      const bool low = key.int_min > std::numeric_limits<std::int64_t>::min();
      const bool high = key.int_max < std::numeric_limits<std::int64_t>::max();
      if (low && high) return cat({"[", std::to_string(key.int_min), ", ", std::to_string(key.int_max), "]"});
      if (low) return ">= " + std::to_string(key.int_min);
      if (high) return "<= " + std::to_string(key.int_max);
      return "";
    }
    case Kind::unsigned_integer:
      if (key.uint_max < std::numeric_limits<std::uint64_t>::max())
        return cat({"[", std::to_string(key.uint_min), ", ", std::to_string(key.uint_max), "]"});
      return ">= " + std::to_string(key.uint_min);
    case Kind::number: {
      const bool low = key.num_min > -std::numeric_limits<double>::infinity();
      const bool high = key.num_max < std::numeric_limits<double>::infinity();
      if (low && high) return cat({"[", format_double(key.num_min), ", ", format_double(key.num_max), "]"});
      if (low) return ">= " + format_double(key.num_min);
      if (high) return "<= " + format_double(key.num_max);
      return "";
    }
    case Kind::choice: {
      std::string out;
      for (const std::string& c : key.choices) out += cat({out.empty() ? "'" : ", '", c, "'"});
      return out;
    }
    case Kind::string: return key.file_name ? "letters, digits, _ - . (a file name)" : "";
    default: return "";
  }
}

std::string expectation(const KeySpec& key) {
  const std::string range = range_text(key);
  if (key.kind == Kind::choice || key.kind == Kind::string || range.empty()) return type_phrase(key);
  if (range.front() == '[') return type_phrase(key) + " in " + range;
  return type_phrase(key) + ' ' + range;
}

std::string default_text(const KeySpec& key) {
  if (!key.default_value) return "";
  struct Visitor {
    std::string operator()(bool b) const { return b ? "true" : "false"; }
    std::string operator()(std::int64_t i) const { return std::to_string(i); }
    std::string operator()(std::uint64_t u) const { return std::to_string(u); }
    std::string operator()(double d) const { return format_double(d); }
    std::string operator()(const std::string& s) const { return quote_yaml(s); }
    std::string operator()(const std::vector<TimelineEvent>& events) const {
      return events.empty() ? "[]" : cat({"(", std::to_string(events.size()), " events)"});
    }
  };
  return std::visit(Visitor{}, *key.default_value);
}

std::string printable(std::string_view s, std::size_t max_chars) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto u = static_cast<unsigned char>(s[i]);
    // Cut only at a character boundary so the message stays valid UTF-8.
    if (out.size() >= max_chars && (u & 0xC0) != 0x80) return out + "...";
    if (u < 0x20 || u == 0x7f) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02x", static_cast<unsigned>(u));
      out += hex;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace sentra::config
