#pragma once
// How often `what` occurs in `text` (overlapping matches counted): the report tests count
// the SVG elements and sentences a page holds.
#include <cstddef>
#include <string>

namespace sentra::report::testing {

inline std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace sentra::report::testing
