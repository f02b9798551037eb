#pragma once
// Where a configuration value came from and what is wrong with it.

#include <stdexcept>
#include <string>
#include <vector>

namespace sentra::config {

// 1-based, unlike yaml-cpp's marks, so they match what editors show.
struct Mark {
  std::string file;
  int line = 1;
  int column = 1;

  friend bool operator==(const Mark&, const Mark&) = default;
};

struct Diagnostic {
  Mark mark;
  std::string path;  // dotted key path; empty for problems with the document as a whole
  std::string message;

  // "file:line:col: path: message" (the "path: " part is left out when path is empty).
  std::string format() const;
};

// Out of line on purpose: building a Diagnostic aggregate in place at every call site trips
// GCC 12's -Wmaybe-uninitialized false positives at -O3.
void report(std::vector<Diagnostic>& diags, Mark mark, std::string path, std::string message);

// Thrown once with every problem found, so a user can fix a scenario in one pass.
class ConfigError : public std::runtime_error {
 public:
  explicit ConfigError(std::vector<Diagnostic> diagnostics);
  std::vector<Diagnostic> diagnostics;
};

}  // namespace sentra::config
