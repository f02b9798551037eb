#pragma once
// The plain-language reading of a paired difference and its interval, for a reader who
// wants to know whether a policy changed an outcome, in which direction, by how much, and
// how sure the replicates let us be.
#include <string>

namespace sentra::report {

enum class Direction { raises, lowers, unclear, identical };

struct Verdict {
  Direction direction = Direction::unclear;
  std::string text;  // e.g. "raises it by 231 (95% interval 37 to 425), +1.3%"
};

// `difference` with its interval [lower, upper] at `confidence`, against the reference's
// mean `reference` (for the relative change; skipped when 0 or not finite); numbers shown
// with `decimals` decimals. An interval that holds 0 is "no clear difference"; one of zero
// width at 0 means every replicate pair was identical.
Verdict verdict(double difference, double lower, double upper, double reference, double confidence, int decimals);

}  // namespace sentra::report
