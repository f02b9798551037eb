#include "report/format.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace sentra::report {

int decimals_for(const std::vector<double>& half_widths, const std::vector<double>& values) {
  double narrowest = INFINITY;
  for (const double h : half_widths)
    if (std::isfinite(h) && h > 0) narrowest = std::min(narrowest, h);
  double target = 0;
  int significant = 2;
  if (std::isfinite(narrowest)) {
    target = narrowest;
  } else {
    for (const double v : values)
      if (std::isfinite(v)) target = std::max(target, std::abs(v));
    significant = 4;
  }
  if (target <= 0) return 0;
  const int exponent = static_cast<int>(std::floor(std::log10(target)));
  return std::clamp(significant - 1 - exponent, 0, 10);
}

std::string number(double value, int decimals, bool sign) {
  if (std::isnan(value)) return "n/a";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  std::array<char, 64> buffer{};
  std::snprintf(buffer.data(), buffer.size(), sign ? "%+.*f" : "%.*f", decimals, value);
  std::string text = buffer.data();
  if (text == "-0" || text.find_first_not_of("-0.") == std::string::npos) {
    // -0.000 after rounding reads as a sign that is not there.
    if (!text.empty() && text[0] == '-') text = (sign ? "+" : "") + text.substr(1);
  }
  // Thousands separators in the integer part.
  const std::size_t start = (text[0] == '-' || text[0] == '+') ? 1 : 0;
  const std::size_t point = std::min(text.find('.'), text.size());
  for (std::ptrdiff_t i = static_cast<std::ptrdiff_t>(point) - 3; i > static_cast<std::ptrdiff_t>(start); i -= 3)
    text.insert(static_cast<std::size_t>(i), ",");
  return text;
}

std::string short_number(double value, int significant) {
  if (std::isnan(value)) return "n/a";
  std::array<char, 64> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%.*g", significant, value);
  return buffer.data();
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string markdown_cell(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '|') out += "\\|";
    else if (c == '\n' || c == '\r') out += ' ';
    else out += c;
  }
  return out;
}

}  // namespace sentra::report
