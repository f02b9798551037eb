#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace sentra::config {

struct LoadOptions {
  std::vector<std::string> overrides;  // "a.b=value", from --set; applied after the file, in order
  std::size_t max_file_bytes = 1 << 20;  // per file, including files named by extends
  int max_depth = 64;                    // nesting of mappings and lists
};

}  // namespace sentra::config
