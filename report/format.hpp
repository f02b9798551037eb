#pragma once
// Numbers and text as a report shows them: rounded to what the intervals can tell apart,
// with thousands separators, and escaped for HTML.
#include <string>
#include <string_view>
#include <vector>

namespace sentra::report {

// Decimals that show the spread: two significant digits of the narrowest non-zero
// half-width, or four significant digits of the largest |value| when every half-width is
// zero (the same rule as `sentra compare`'s printout). In [0, 10].
int decimals_for(const std::vector<double>& half_widths, const std::vector<double>& values);

// Fixed notation with `decimals` decimals and "," between thousands; "n/a" for NaN.
// `sign` puts "+" before positive numbers.
std::string number(double value, int decimals, bool sign = false);

// Up to `significant` significant digits, no exponent for ordinary magnitudes (tables of
// design points, indices).
std::string short_number(double value, int significant = 4);

std::string html_escape(std::string_view text);

// A Markdown table cell: "|" escaped, newlines folded.
std::string markdown_cell(std::string_view text);

}  // namespace sentra::report
