#include "engine/config/text_guards.hpp"

#include <cstdio>

namespace sentra::config {

namespace {

// Length of the UTF-8 sequence starting at text[i], or 0 if it is not valid UTF-8
// (overlong forms, surrogates and code points past U+10FFFF are invalid too).
std::size_t utf8_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) return 1;
  std::size_t len = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + len > text.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < len; ++k)
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  return len;
}

bool is_space(char c) { return c == ' ' || c == '\t'; }
bool is_flow_indicator(char c) { return c == ',' || c == '[' || c == ']' || c == '{' || c == '}'; }

}  // namespace

bool check_text(const std::string& file, std::string_view text, std::vector<Diagnostic>& diags) {
  int line = 1, column = 1;
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '\0') {
      report(diags, {file, line, column}, "", "expected a UTF-8 text file, got a NUL byte (is this a binary file?)");
      return false;
    }
    const std::size_t len = utf8_length(text, i);
    if (len == 0) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02x", static_cast<unsigned>(static_cast<unsigned char>(text[i])));
      report(diags, {file, line, column}, "", std::string("expected a UTF-8 text file, got the invalid byte ") + hex);
      return false;
    }
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    i += len;
  }
  return true;
}

bool check_nesting(const std::string& file, std::string_view text, int max_depth, std::vector<Diagnostic>& diags) {
  enum class Quote { none, single, double_ };
  Quote quote = Quote::none;
  std::vector<std::size_t> levels;  // columns of the open block collections
  int flow = 0;                     // open [ and {
  bool in_block_scalar = false;
  std::size_t block_parent_indent = 0;
  int line_number = 0;

  const auto too_deep = [&](std::size_t column) {
    if (static_cast<long long>(levels.size()) + flow <= max_depth) return false;
    report(diags, {file, line_number, static_cast<int>(column) + 1},
                     "",
                     "expected nesting at most " + std::to_string(max_depth) + " levels deep, got deeper");
    return true;
  };

  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view ln = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    if (!ln.empty() && ln.back() == '\r') ln.remove_suffix(1);

    std::size_t indent = 0;
    while (indent < ln.size() && ln[indent] == ' ') ++indent;
    std::size_t first = indent;
    while (first < ln.size() && is_space(ln[first])) ++first;
    const bool blank = first == ln.size();

    if (in_block_scalar) {
      if (blank || indent > block_parent_indent) continue;  // literal text: brackets mean nothing
      in_block_scalar = false;
    }

    std::size_t i = 0;
    if (quote == Quote::none && flow == 0) {
      if (blank || ln[first] == '#') continue;
      const bool marker = indent == 0 && (ln.substr(0, 3) == "---" || ln.substr(0, 3) == "...") &&
                          (ln.size() == 3 || is_space(ln[3]));
      if (marker) {
        levels.clear();
        i = 3;
      } else {
        while (!levels.empty() && levels.back() >= indent) levels.pop_back();
        levels.push_back(indent);
        if (too_deep(indent)) return false;
        i = indent;
      }
    }

    bool token_start = true;
    bool in_plain = false;
    for (; i < ln.size(); ++i) {
      const char c = ln[i];
      const char next = i + 1 < ln.size() ? ln[i + 1] : ' ';
      if (quote == Quote::double_) {
        if (c == '\\') ++i;
        else if (c == '"') quote = Quote::none;
        continue;
      }
      if (quote == Quote::single) {
        if (c == '\'' && next == '\'') ++i;
        else if (c == '\'') quote = Quote::none;
        continue;
      }
      if (is_space(c)) {
        if (!in_plain) token_start = true;
        continue;
      }
      if (c == '#' && (i == 0 || is_space(ln[i - 1]))) break;  // comment
      if (flow > 0 && is_flow_indicator(c)) {
        if (c == '[' || c == '{') {
          ++flow;
          if (too_deep(i)) return false;
        } else if (c != ',' && flow > 0) {
          --flow;
        }
        in_plain = false;
        token_start = true;
        continue;
      }
      if (in_plain) {
        if (c == ':' && (is_space(next) || (flow > 0 && is_flow_indicator(next)))) {
          in_plain = false;
          token_start = true;
        }
        continue;
      }
      if (!token_start) {
        if (c == ':') token_start = true;  // "key": value
        continue;
      }
      switch (c) {
        case '"': quote = Quote::double_; token_start = false; break;
        case '\'': quote = Quote::single; token_start = false; break;
        case '[':
        case '{':
          ++flow;
          if (too_deep(i)) return false;
          break;
        case '-':
        case '?':
        case ':':
          if (!is_space(next)) {
            in_plain = true;
            token_start = false;
          } else if (c != ':' && flow == 0) {
            levels.push_back(i + 2);  // "- - x" nests one level per dash
            if (too_deep(i)) return false;
          }
          break;
        case '|':
        case '>':
          if (flow == 0) {
            in_block_scalar = true;
            block_parent_indent = indent;
            i = ln.size();
          }
          break;
        case '!':
        case '&':
        case '*':
          // Tags, anchors and aliases end at whitespace, after which a new token starts.
          while (i + 1 < ln.size() && !is_space(ln[i + 1]) && !(flow > 0 && is_flow_indicator(ln[i + 1]))) ++i;
          token_start = false;
          break;
        default:
          in_plain = true;
          token_start = false;
      }
    }
  }
  return true;
}

bool only_comments(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view ln = text.substr(pos, end - pos);
    pos = end + 1;
    while (!ln.empty() && (is_space(ln.front()) || ln.front() == '\r')) ln.remove_prefix(1);
    while (!ln.empty() && (is_space(ln.back()) || ln.back() == '\r')) ln.remove_suffix(1);
    if (ln.empty() || ln.front() == '#' || ln == "---" || ln == "...") continue;
    return false;
  }
  return true;
}

}  // namespace sentra::config
