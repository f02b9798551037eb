#include "experiments/comparison_report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "experiments/replicate_seed.hpp"

namespace sentra::experiments {
namespace {

std::string fixed(double v, int decimals, bool sign = false) {
  if (!std::isfinite(v)) return "n/a";
  char buf[64];
  // An exact zero (a difference between identical runs) prints without a sign.
  std::snprintf(buf, sizeof buf, sign && v != 0.0 ? "%+.*f" : "%.*f", decimals, v == 0.0 ? 0.0 : v);
  return buf;
}

std::string interval(const Interval& i, int decimals) {
  // Appended piece by piece: `"[" + std::string` trips GCC 12's false -Wrestrict (bug 105329).
  std::string out = "[";
  out += fixed(i.lower, decimals);
  out += ", ";
  out += fixed(i.upper, decimals);
  out += "]";
  return out;
}

std::string full(double v) {
  if (std::isnan(v)) return "";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char ch : s) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return out + "\"";
}

std::string percent(double confidence) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g%%", 100.0 * confidence);
  return buf;
}

// The sentences above the table, shared by the text and Markdown forms.
std::vector<std::string> preamble(const std::vector<OutcomeComparison>& outcomes, const ReportContext& c) {
  const std::size_t K = c.scenarios.size(), R = c.replicates;
  std::vector<std::string> lines;
  lines.push_back(std::to_string(K) + " scenarios x " + std::to_string(R) + " replicates, " + std::to_string(c.steps) +
                  " " + c.step_unit + (c.steps == 1 ? "" : "s") + " each; runs stored in " + c.result_file + ".");
  const std::uint64_t last = replicate_seed(c.base_seed, R - 1);
  lines.push_back("Common random numbers: " + replicate_seed_rule(c.base_seed) + " (seeds " +
                  std::to_string(c.base_seed) + "-" + std::to_string(last) +
                  "); the scenario files' own seeds are overridden.");
  lines.push_back("Outcome of a run: " + c.reduction + ".");
  std::string t = "n/a";
  if (!outcomes.empty() && !outcomes.front().mean.empty()) t = fixed(outcomes.front().mean.front().t, 3);
  char q[32];
  std::snprintf(q, sizeof q, "%g", 0.5 + 0.5 * c.confidence);
  lines.push_back("Intervals: " + percent(c.confidence) + " Student t over the " + std::to_string(R) +
                  " replicates (t(" + q + ", " + std::to_string(R - 1) + ") = " + t +
                  "); difference = replicate r of the scenario minus replicate r of " + c.scenarios.front() +
                  " (paired).");
  return lines;
}

struct Row {
  std::vector<std::string> cells;
};

std::vector<Row> table_rows(const std::vector<OutcomeComparison>& outcomes, const ReportContext& c, bool markdown) {
  std::vector<Row> rows;
  for (std::size_t o = 0; o < outcomes.size(); ++o) {
    const auto& oc = outcomes[o];
    const int d = report_decimals(oc);
    for (std::size_t k = 0; k < c.scenarios.size(); ++k) {
      Row row;
      if (markdown) {
        row.cells.push_back(k == 0 ? "`" + c.outcomes[o].name + "`" : "");
        row.cells.push_back(k == 0 ? c.outcomes[o].unit : "");
      } else {
        row.cells.push_back(k == 0 ? c.outcomes[o].name : k == 1 ? "(" + c.outcomes[o].unit + ")" : "");
      }
      row.cells.push_back(c.scenarios[k]);
      row.cells.push_back(fixed(oc.mean[k].mean, d));
      row.cells.push_back(interval(oc.mean[k], d));
      row.cells.push_back(k == 0 ? "(reference)" : fixed(oc.difference[k].mean, d, true));
      row.cells.push_back(k == 0 ? "" : interval(oc.difference[k], d));
      rows.push_back(std::move(row));
    }
  }
  return rows;
}

std::string text_report(const std::vector<OutcomeComparison>& outcomes, const ReportContext& c) {
  std::ostringstream out;
  for (const auto& line : preamble(outcomes, c)) out << line << "\n";
  out << "\n";
  const std::string ci = percent(c.confidence) + " interval";
  std::vector<Row> rows{{{"outcome", "scenario", "mean", ci, "difference", ci}}};
  for (auto& r : table_rows(outcomes, c, false)) rows.push_back(std::move(r));
  std::vector<std::size_t> width(rows.front().cells.size(), 0);
  for (const auto& r : rows)
    for (std::size_t i = 0; i < r.cells.size(); ++i) width[i] = std::max(width[i], r.cells[i].size());
  const bool right[] = {false, false, true, false, true, false};
  for (std::size_t n = 0; n < rows.size(); ++n) {
    if (n > 1 && (n - 1) % c.scenarios.size() == 0) out << "\n";  // a blank line between outcomes
    std::string line;
    for (std::size_t i = 0; i < rows[n].cells.size(); ++i) {
      const std::string& cell = rows[n].cells[i];
      const std::string pad(width[i] - cell.size(), ' ');
      line += (i ? "  " : "") + (right[i] ? pad + cell : cell + pad);
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << "\n";
  }
  return out.str();
}

std::string markdown_report(const std::vector<OutcomeComparison>& outcomes, const ReportContext& c) {
  std::ostringstream out;
  out << "# sentra compare:";
  for (std::size_t k = 0; k < c.scenarios.size(); ++k) out << (k ? " vs " : " ") << c.scenarios[k];
  out << "\n\n";
  for (const auto& line : preamble(outcomes, c)) out << "- " << line << "\n";
  const std::string ci = percent(c.confidence) + " interval";
  out << "\n| outcome | unit | scenario | mean | " << ci << " | difference | " << ci << " |\n";
  out << "|---|---|---|---:|---|---:|---|\n";
  for (const auto& r : table_rows(outcomes, c, true)) {
    out << "|";
    for (const auto& cell : r.cells) out << " " << cell << " |";
    out << "\n";
  }
  return out.str();
}

std::string csv_report(const std::vector<OutcomeComparison>& outcomes, const ReportContext& c) {
  std::ostringstream out;
  out << "outcome,unit,scenario,replicates,mean,mean_lower,mean_upper,sd,difference,difference_lower,"
         "difference_upper,difference_sd,t\n";
  for (std::size_t o = 0; o < outcomes.size(); ++o)
    for (std::size_t k = 0; k < c.scenarios.size(); ++k) {
      const Interval& m = outcomes[o].mean[k];
      const Interval& d = outcomes[o].difference[k];
      out << csv_field(c.outcomes[o].name) << "," << csv_field(c.outcomes[o].unit) << "," << csv_field(c.scenarios[k])
          << "," << m.n << "," << full(m.mean) << "," << full(m.lower) << "," << full(m.upper) << "," << full(m.sd)
          << "," << full(d.mean) << "," << full(d.lower) << "," << full(d.upper) << "," << full(d.sd) << ","
          << full(m.t) << "\n";
    }
  return out.str();
}

}  // namespace

std::optional<ReportFormat> parse_report_format(const std::string& name) {
  if (name == "text") return ReportFormat::text;
  if (name == "md" || name == "markdown") return ReportFormat::markdown;
  if (name == "csv") return ReportFormat::csv;
  return std::nullopt;
}

int report_decimals(const OutcomeComparison& outcome) {
  double narrowest = 0.0, largest = 0.0;
  const auto consider = [&](const Interval& i) {
    const double half = 0.5 * (i.upper - i.lower);
    if (std::isfinite(half) && half > 0.0 && (narrowest == 0.0 || half < narrowest)) narrowest = half;
    if (std::isfinite(i.mean)) largest = std::max(largest, std::fabs(i.mean));
  };
  for (const auto& i : outcome.mean) consider(i);
  for (const auto& i : outcome.difference) consider(i);
  int d = 2;
  if (narrowest > 0.0) d = 1 - static_cast<int>(std::floor(std::log10(narrowest)));
  else if (largest > 0.0) d = 3 - static_cast<int>(std::floor(std::log10(largest)));
  return std::clamp(d, 0, 10);
}

std::string comparison_report(const std::vector<OutcomeComparison>& outcomes, const ReportContext& context,
                              ReportFormat format) {
  switch (format) {
    case ReportFormat::markdown: return markdown_report(outcomes, context);
    case ReportFormat::csv: return csv_report(outcomes, context);
    case ReportFormat::text: break;
  }
  return text_report(outcomes, context);
}

}  // namespace sentra::experiments
