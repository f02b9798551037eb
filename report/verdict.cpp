#include "report/verdict.hpp"

#include <cmath>

#include "report/format.hpp"

namespace sentra::report {

namespace {

// The change relative to the reference, with the sign of the difference even when it rounds
// to zero: number() drops the sign of "-0.0", and "lowers it by ..., +0.0%" contradicts itself.
std::string relative_change(double difference, double reference) {
  const double percent = 100 * difference / std::abs(reference);
  std::string text = number(percent, 1, true);
  if (percent < 0 && text.front() == '+') text.front() = '-';
  return text + "%";
}

}  // namespace

Verdict verdict(double difference, double lower, double upper, double reference, double confidence, int decimals) {
  const std::string level = number(confidence * 100, 0) + "%";
  Verdict v;
  if (std::isnan(difference) || std::isnan(lower) || std::isnan(upper)) {
    v.text = "not available (too few replicates)";
    return v;
  }
  if (lower == 0 && upper == 0 && difference == 0) {
    v.direction = Direction::identical;
    v.text = "no difference: identical in every replicate";
    return v;
  }
  std::string relative;
  if (std::isfinite(reference) && reference != 0)
    relative = ", " + relative_change(difference, reference);
  if (lower > 0) {
    v.direction = Direction::raises;
    v.text = "raises it by " + number(difference, decimals) + " (" + level + " interval " + number(lower, decimals) +
             " to " + number(upper, decimals) + ")" + relative;
  } else if (upper < 0) {
    v.direction = Direction::lowers;
    v.text = "lowers it by " + number(-difference, decimals) + " (" + level + " interval " +
             number(-upper, decimals) + " to " + number(-lower, decimals) + ")" + relative;
  } else {
    v.direction = Direction::unclear;
    v.text = "no clear difference (" + level + " interval " + number(lower, decimals, true) + " to " +
             number(upper, decimals, true) + " holds 0)";
  }
  return v;
}

}  // namespace sentra::report
