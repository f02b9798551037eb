#pragma once
// The typed values a declared key can hold.

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "engine/config/diagnostic.hpp"

namespace sentra::config {

// One scheduled change of a settable key: `- {at: 12, set: policy.levy_rate, value: 0.01, region: 2}`.
struct TimelineEvent {
  std::int64_t at = 0;
  std::string key;
  double value = 0.0;
  std::int64_t region = -1;  // -1: every region
  Mark mark;                 // where the event was written

  // The mark is provenance, not part of the value: a resolved file re-read gives equal events.
  friend bool operator==(const TimelineEvent& a, const TimelineEvent& b) {
    return a.at == b.at && a.key == b.key && a.value == b.value && a.region == b.region;
  }
};

using Value = std::variant<bool, std::int64_t, std::uint64_t, double, std::string, std::vector<TimelineEvent>>;

}  // namespace sentra::config
