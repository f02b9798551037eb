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
    const char* format;
  };
  static const Row rows[] = {
      {"SMEs, micro", "smes_micro", "%14.0f"},
      {"SMEs, small", "smes_small", "%14.0f"},
      {"SMEs, medium", "smes_medium", "%14.0f"},
      {"SMEs, grown large", "smes_large", "%14.0f"},
      {"SME output (million IDR/month)", "sme_output", "%14.1f"},
      {"SME employment (persons)", "sme_employment", "%14.0f"},
      {"SME exports (million IDR/month)", "sme_exports", "%14.1f"},
      {"import share of domestic sales", "import_share", "%14.4f"},
      {"mean trust", "mean_trust", "%14.4f"},
  };
  std::string out;
  char line[256];
  std::snprintf(line, sizeof line, "%-34s %14s %14s\n", "", ("month " + std::to_string(first.step)).c_str(),
                ("month " + std::to_string(last.step)).c_str());
  out += line;
  for (const auto& r : rows) {
    char a[64], b[64];
    std::snprintf(a, sizeof a, r.format, value(first, r.column));
    std::snprintf(b, sizeof b, r.format, value(last, r.column));
    std::snprintf(line, sizeof line, "%-34s %s %s\n", r.label, a, b);
    out += line;
  }
  return out;
}

}  // namespace sentra::cli
