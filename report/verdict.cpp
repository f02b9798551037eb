#include "report/verdict.hpp"

#include <cmath>

#include "report/format.hpp"

namespace sentra::report {

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
    relative = ", " + number(100 * difference / std::abs(reference), 1, true) + "%";
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
