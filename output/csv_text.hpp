#pragma once
// CSV the way spreadsheets, pandas and R's read.csv read it back: RFC 4180 quoting only
// where needed, numbers at full precision (17 significant digits, so every double reads
// back exactly), an empty field for a missing number.
#include <string>
#include <string_view>
#include <vector>

namespace sentra::output {

// The field as is, or quoted (with quotes doubled) when it holds a comma, quote or newline.
std::string csv_field(std::string_view text);

// "%.17g"; "" for NaN; "inf"/"-inf" for infinities.
std::string csv_number(double value);

// One line: the fields (already formatted) joined by commas, ending in "\n".
std::string csv_line(const std::vector<std::string>& fields);

}  // namespace sentra::output
