#include "report/comparison_report.hpp"

#include <cmath>
#include <sstream>

#include "output/csv_text.hpp"
#include "report/charts.hpp"
#include "report/format.hpp"
#include "report/html_page.hpp"
#include "report/verdict.hpp"

namespace sentra::report {
namespace {

int outcome_decimals(const ComparedOutcome& o) {
  std::vector<double> half, values;
  for (std::size_t k = 0; k < o.mean.size(); ++k) {
    half.push_back((o.mean[k].upper - o.mean[k].lower) / 2);
    if (k > 0) half.push_back((o.difference[k].upper - o.difference[k].lower) / 2);
    values.push_back(o.mean[k].value);
  }
  return decimals_for(half, values);
}

Verdict verdict_of(const ComparisonResults& r, const ComparedOutcome& o, std::size_t k) {
  return verdict(o.difference[k].value, o.difference[k].lower, o.difference[k].upper, o.mean[0].value, r.confidence,
                 outcome_decimals(o));
}

const char* css_class(Direction d) {
  switch (d) {
    case Direction::raises: return "raises";
    case Direction::lowers: return "lowers";
    case Direction::identical: return "identical";
    case Direction::unclear: return "unclear";
  }
  return "unclear";
}

std::string percent(double confidence) { return number(confidence * 100, 0) + "%"; }

std::string interval_text(const Estimate& e, int decimals, bool sign = false) {
  return "[" + number(e.lower, decimals, sign) + ", " + number(e.upper, decimals, sign) + "]";
}

std::string title_of(const ComparisonResults& r) {
  std::string t = "Comparison: ";
  for (std::size_t k = 0; k < r.scenarios.size(); ++k) t += (k ? " vs " : "") + r.scenarios[k];
  return t;
}

std::string method_text(const ComparisonResults& r) {
  std::ostringstream s;
  s << r.scenarios.size() << " scenarios, " << r.replicates << " replicates each, " << r.steps << " " << r.step_unit
    << "s per run. Replicate r of every scenario ran on the same random numbers (common random numbers), so "
    << "differences are paired replicate by replicate. Outcome of a run: "
    << (r.reduction.empty() ? "see the comparison file" : r.reduction) << ". Intervals: "
    << (r.interval.empty() ? percent(r.confidence) + " Student t over the replicates" : r.interval) << ".";
  return s.str();
}

// "In short": per scenario other than the reference, the outcomes it clearly changes, then
// those it does not.
std::vector<std::string> short_lines(const ComparisonResults& r, std::size_t k, bool html) {
  std::vector<std::string> lines;
  std::string unclear;
  for (const auto& o : r.outcomes) {
    const Verdict v = verdict_of(r, o, k);
    const std::string name = html ? "<b>" + html_escape(o.name) + "</b>" : "**" + markdown_cell(o.name) + "**";
    const std::string units = o.units.empty() ? "" : " (" + o.units + ")";
    if (v.direction == Direction::raises || v.direction == Direction::lowers) {
      lines.push_back(html ? name + html_escape(units) + ": <span class=\"" + css_class(v.direction) + "\">" +
                                 html_escape(v.text) + "</span>"
                           : name + markdown_cell(units) + ": " + v.text);
    } else {
      unclear += (unclear.empty() ? "" : ", ") + (html ? html_escape(o.name) : o.name);
    }
  }
  if (!unclear.empty()) lines.push_back("no clear difference in " + unclear);
  return lines;
}

// gnuplot cannot draw a chart without one value (a series that is n/a in every month).
std::string time_chart_or_sentence(const TimeChart& chart) {
  if (has_values(chart)) return time_chart_svg(chart);
  return "<p class=\"meta\">No chart of " + html_escape(chart.title) + ": every value is n/a.</p>";
}

std::string html_report(const ComparisonResults& r) {
  std::ostringstream b;
  const std::string& reference = r.scenarios.front();
  b << "<h1>" << html_escape(title_of(r)) << "</h1>\n";
  b << "<p class=\"meta\">" << html_escape(method_text(r)) << " Reference scenario: <b>" << html_escape(reference)
    << "</b>. File: " << html_escape(r.file.string()) << (r.program_version.empty() ? "" : ", sentra " + html_escape(r.program_version))
    << (r.created_utc.empty() ? "" : ", " + html_escape(r.created_utc)) << ".</p>\n";

  b << "<h2>In short</h2>\n";
  for (std::size_t k = 1; k < r.scenarios.size(); ++k) {
    b << "<p><b>" << html_escape(r.scenarios[k]) << "</b> compared with <b>" << html_escape(reference) << "</b>:</p>\n<ul>\n";
    for (const auto& line : short_lines(r, k, true)) b << "<li>" << line << "</li>\n";
    b << "</ul>\n";
  }

  b << "<h2>Outcomes</h2>\n<table>\n<tr><th>outcome</th><th>scenario</th><th>mean</th><th>" << percent(r.confidence)
    << " interval</th><th>difference from " << html_escape(reference) << "</th><th>" << percent(r.confidence)
    << " interval</th><th>verdict</th></tr>\n";
  for (const auto& o : r.outcomes) {
    const int d = outcome_decimals(o);
    for (std::size_t k = 0; k < r.scenarios.size(); ++k) {
      b << "<tr>";
      if (k == 0)
        b << "<td rowspan=\"" << r.scenarios.size() << "\"><b>" << html_escape(o.name) << "</b><br><span class=\"meta\">"
          << html_escape(o.units) << "</span></td>";
      b << "<td>" << html_escape(r.scenarios[k]) << "</td><td class=\"num\">" << number(o.mean[k].value, d)
        << "</td><td class=\"num\">" << interval_text(o.mean[k], d) << "</td>";
      if (k == 0) {
        b << "<td colspan=\"3\" class=\"meta\">(reference)</td>";
      } else {
        const Verdict v = verdict_of(r, o, k);
        b << "<td class=\"num\">" << number(o.difference[k].value, d, true) << "</td><td class=\"num\">"
          << interval_text(o.difference[k], d, true) << "</td><td class=\"" << css_class(v.direction) << "\">"
          << html_escape(v.text) << "</td>";
      }
      b << "</tr>\n";
    }
  }
  b << "</table>\n";

  if (!r.series_steps.empty()) {
    b << "<h2>Over time</h2>\n<p class=\"meta\">Left: the mean of each scenario month by month over the replicates, "
         "with its "
      << percent(r.confidence)
      << " interval as a band. Right: the paired difference from " << html_escape(reference)
      << " with its band; where the band leaves the dashed zero line the difference is clear. The shaded months are "
         "those the outcomes above average.</p>\n";
    std::optional<std::pair<double, double>> window;
    if (r.reduction_window > 0 && r.reduction_window <= r.series_steps.size())
      window = std::pair{r.series_steps[r.series_steps.size() - r.reduction_window], r.series_steps.back()};
    for (const auto& o : r.outcomes) {
      if (o.series_mean.rows == 0) continue;
      const std::string y = o.units.empty() ? o.name : o.name + " (" + o.units + ")";
      TimeChart means{o.name + ": mean per scenario", r.step_unit, y, r.series_steps, {}, false, window};
      TimeChart differences{o.name + ": difference from " + reference, r.step_unit, y, r.series_steps, {}, true, window};
      for (std::size_t k = 0; k < r.scenarios.size(); ++k) {
        BandSeries m{r.scenarios[k], {}, {}, {}}, d{r.scenarios[k] + " - " + reference, {}, {}, {}};
        for (std::size_t t = 0; t < o.series_mean.rows; ++t) {
          m.mean.push_back(o.series_mean.at(t, k));
          m.lower.push_back(o.series_lower.at(t, k));
          m.upper.push_back(o.series_upper.at(t, k));
          d.mean.push_back(o.difference_mean.at(t, k));
          d.lower.push_back(o.difference_lower.at(t, k));
          d.upper.push_back(o.difference_upper.at(t, k));
        }
        means.series.push_back(std::move(m));
        if (k > 0) differences.series.push_back(std::move(d));
      }
      b << "<h3>" << html_escape(o.name) << "</h3>\n<div class=\"charts\">\n<div class=\"chart\">\n"
        << time_chart_or_sentence(means) << "\n</div>\n<div class=\"chart\">\n" << time_chart_or_sentence(differences)
        << "\n</div>\n</div>\n";
    }
  }

  b << "<h2>How to read this</h2>\n<ul>\n"
    << "<li>The <b>mean</b> is over the replicates; its interval says where the scenario's true mean lies with "
    << percent(r.confidence) << " confidence, given the model.</li>\n"
    << "<li>The <b>difference</b> is replicate r of the scenario minus replicate r of " << html_escape(reference)
    << " (the same random numbers), averaged. Pairing removes most of the run-to-run noise, so a difference can be "
       "clear even when the two means' intervals overlap.</li>\n"
    << "<li><b>No clear difference</b> means the interval of the difference holds 0: with these replicates the "
       "model cannot tell the scenarios apart on that outcome. More replicates narrow the interval.</li>\n"
    << "<li>Whether higher is better depends on the outcome (more output is good, a higher import share may not "
       "be): the verdicts say only the direction and size.</li>\n</ul>\n";
  return html_page(title_of(r), b.str());
}

std::string markdown_report(const ComparisonResults& r) {
  std::ostringstream b;
  const std::string& reference = r.scenarios.front();
  b << "# " << title_of(r) << "\n\n" << method_text(r) << " Reference scenario: " << reference << ".\n\n## In short\n\n";
  for (std::size_t k = 1; k < r.scenarios.size(); ++k) {
    b << r.scenarios[k] << " compared with " << reference << ":\n\n";
    for (const auto& line : short_lines(r, k, false)) b << "- " << line << "\n";
    b << "\n";
  }
  b << "## Outcomes\n\n| outcome | scenario | mean | " << percent(r.confidence) << " interval | difference | "
    << percent(r.confidence) << " interval | verdict |\n|---|---|---:|---:|---:|---:|---|\n";
  for (const auto& o : r.outcomes) {
    const int d = outcome_decimals(o);
    for (std::size_t k = 0; k < r.scenarios.size(); ++k) {
      b << "| " << (k == 0 ? markdown_cell(o.name + (o.units.empty() ? "" : " (" + o.units + ")")) : "") << " | "
        << markdown_cell(r.scenarios[k]) << " | " << number(o.mean[k].value, d) << " | " << interval_text(o.mean[k], d)
        << " | ";
      if (k == 0) b << "(reference) | | |\n";
      else
        b << number(o.difference[k].value, d, true) << " | " << interval_text(o.difference[k], d, true) << " | "
          << markdown_cell(verdict_of(r, o, k).text) << " |\n";
    }
  }
  return b.str();
}

std::string csv_report(const ComparisonResults& r) {
  std::string out = output::csv_line({"outcome", "units", "scenario", "replicates", "mean", "mean_lower", "mean_upper",
                                      "difference", "difference_lower", "difference_upper", "verdict"});
  for (const auto& o : r.outcomes)
    for (std::size_t k = 0; k < r.scenarios.size(); ++k)
      out += output::csv_line({output::csv_field(o.name), output::csv_field(o.units), output::csv_field(r.scenarios[k]),
                               std::to_string(r.replicates), output::csv_number(o.mean[k].value),
                               output::csv_number(o.mean[k].lower), output::csv_number(o.mean[k].upper),
                               output::csv_number(o.difference[k].value), output::csv_number(o.difference[k].lower),
                               output::csv_number(o.difference[k].upper),
                               output::csv_field(k == 0 ? "reference" : verdict_of(r, o, k).text)});
  return out;
}

}  // namespace

std::string comparison_report(const ComparisonResults& results, Format format) {
  switch (format) {
    case Format::html: return html_report(results);
    case Format::markdown: return markdown_report(results);
    case Format::csv: return csv_report(results);
  }
  return "";
}

}  // namespace sentra::report
