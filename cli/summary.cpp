#include "cli/summary.hpp"

#include <cstdio>
#include <variant>

namespace sentra::cli {

namespace {
double value(const StepObservation& o, const char* name) {
  const Column* c = o.aggregates.find(name);
  if (!c) return 0.0;
  return std::visit([](const auto& v) { return v.empty() ? 0.0 : static_cast<double>(v.front()); }, c->data);
}
}  // namespace

std::string summary_table(const StepObservation& first, const StepObservation& last) {
  struct Row {
    const char* label;
    const char* column;
    int decimals;
  };
  static const Row rows[] = {
      {"SMEs, micro", "smes_micro", 0},
      {"SMEs, small", "smes_small", 0},
      {"SMEs, medium", "smes_medium", 0},
      {"SMEs, grown large", "smes_large", 0},
      {"SME output (million IDR/month)", "sme_output", 1},
      {"SME employment (persons)", "sme_employment", 0},
      {"SME exports (million IDR/month)", "sme_exports", 1},
      {"import share of domestic sales", "import_share", 4},
      {"mean trust", "mean_trust", 4},
  };
  std::string out;
  char line[256];
  std::snprintf(line, sizeof line, "%-34s %14s %14s\n", "", ("month " + std::to_string(first.step)).c_str(),
                ("month " + std::to_string(last.step)).c_str());
  out += line;
  for (const auto& r : rows) {
    char a[64], b[64];
    std::snprintf(a, sizeof a, "%14.*f", r.decimals, value(first, r.column));
    std::snprintf(b, sizeof b, "%14.*f", r.decimals, value(last, r.column));
    std::snprintf(line, sizeof line, "%-34s %s %s\n", r.label, a, b);
    out += line;
  }
  return out;
}

}  // namespace sentra::cli
