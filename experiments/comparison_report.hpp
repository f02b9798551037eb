#pragma once
// The report of a comparison, as `sentra compare` prints it (text), writes it next to the
// results (Markdown) or hands it to other tools (CSV): one row per outcome and scenario with
// the mean over replicates and its interval, and the paired difference from the first
// scenario with its interval. Every number shown comes from the OutcomeComparison given.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "experiments/comparison.hpp"

namespace sentra::experiments {

enum class ReportFormat { text, markdown, csv };

// "text", "md" (or "markdown"), "csv".
std::optional<ReportFormat> parse_report_format(const std::string& name);

struct ReportOutcome {
  std::string name;
  std::string unit;
};

struct ReportContext {
  std::vector<std::string> scenarios;  // labels; the first is the reference
  std::vector<ReportOutcome> outcomes; // in the order of the comparisons
  std::size_t replicates = 0;
  std::int64_t steps = 0;
  std::string step_unit = "month";
  std::uint64_t base_seed = 0;
  std::string reduction;    // OutcomeReduction::describe()
  double confidence = 0.95;
  std::string result_file;  // where the runs are stored
};

std::string comparison_report(const std::vector<OutcomeComparison>& outcomes, const ReportContext& context,
                              ReportFormat format);

// Decimals that show the spread of an outcome: two significant digits of the narrowest
// non-zero interval half-width, or four significant digits of the largest mean when every
// interval has zero width. In [0, 10].
int report_decimals(const OutcomeComparison& outcome);

}  // namespace sentra::experiments
