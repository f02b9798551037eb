#include "report/verdict.hpp"

#include <doctest/doctest.h>

#include <cmath>

using sentra::report::Direction;
using sentra::report::verdict;

TEST_CASE("verdict.an interval above 0 raises the outcome, with size, interval and relative change") {
  const auto v = verdict(231, 37, 425, 17950, 0.95, 0);
  CHECK(v.direction == Direction::raises);
  CHECK(v.text == "raises it by 231 (95% interval 37 to 425), +1.3%");
}

TEST_CASE("verdict.an interval below 0 lowers the outcome, told in positive amounts") {
  const auto v = verdict(-5535, -6447, -4622, 478671, 0.95, 0);
  CHECK(v.direction == Direction::lowers);
  CHECK(v.text == "lowers it by 5,535 (95% interval 4,622 to 6,447), -1.2%");
}

TEST_CASE("verdict.an interval holding 0 is no clear difference") {
  const auto v = verdict(-1.4, -3.2, 0.3, 243.8, 0.95, 1);
  CHECK(v.direction == Direction::unclear);
  CHECK(v.text == "no clear difference (95% interval -3.2 to +0.3 holds 0)");
}

TEST_CASE("verdict.identical replicates say so") {
  CHECK(verdict(0, 0, 0, 5, 0.95, 2).direction == Direction::identical);
}

TEST_CASE("verdict.a missing interval is not available") {
  CHECK(verdict(1, NAN, NAN, 5, 0.95, 2).text.find("not available") == 0);
}

TEST_CASE("verdict.no relative change against a zero reference") {
  CHECK(verdict(2, 1, 3, 0, 0.95, 0).text == "raises it by 2 (95% interval 1 to 3)");
}

TEST_CASE("verdict.a relative change that rounds to zero keeps the sign of the difference") {
  // survival in compare-baseline-acfta_tariff_path.h5 printed "lowers it by 0.000037 (...), +0.0%".
  const auto lower = verdict(-0.000037, -0.000059, -0.000015, 0.626222, 0.95, 6);
  CHECK(lower.direction == Direction::lowers);
  CHECK(lower.text == "lowers it by 0.000037 (95% interval 0.000015 to 0.000059), -0.0%");
  CHECK(verdict(0.000037, 0.000015, 0.000059, 0.626222, 0.95, 6).text.ends_with(", +0.0%"));
  CHECK(verdict(-0.000037, -0.000059, -0.000015, -0.626222, 0.95, 6).text.ends_with(", -0.0%"));  // against |reference|
}
