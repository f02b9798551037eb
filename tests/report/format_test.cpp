#include "report/format.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace sentra::report;

TEST_CASE("format.number separates thousands and keeps the sign asked for") {
  CHECK(number(478671.4, 0) == "478,671");
  CHECK(number(-1234567.891, 2) == "-1,234,567.89");
  CHECK(number(999, 0) == "999");
  CHECK(number(1000, 0, true) == "+1,000");
  CHECK(number(0.03280, 5, true) == "+0.03280");
  CHECK(number(NAN, 2) == "n/a");
}

TEST_CASE("format.number drops the sign of a value that rounds to zero") {
  CHECK(number(-0.0001, 2) == "0.00");
  CHECK(number(-0.0001, 2, true) == "+0.00");
}

TEST_CASE("format.decimals_for gives two significant digits of the narrowest half-width") {
  CHECK(decimals_for({913, 12566}, {478671}) == 0);     // 913 -> 910: no decimals
  CHECK(decimals_for({0.00068, 0.004}, {0.168}) == 5);  // 0.00068
  CHECK(decimals_for({0, 0}, {0.85}) == 4);            // no spread: 4 significant digits of the value
  CHECK(decimals_for({}, {}) == 0);
}

TEST_CASE("format.html_escape and markdown_cell keep text inert") {
  CHECK(html_escape("a<b & 'c'\"") == "a&lt;b &amp; &#39;c&#39;&quot;");
  CHECK(markdown_cell("a|b\nc") == "a\\|b c");
}
