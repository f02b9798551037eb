#include "report/sweep_report.hpp"

#include <cmath>
#include <set>
#include <sstream>

#include "output/csv_text.hpp"
#include "report/charts.hpp"
#include "report/format.hpp"
#include "report/html_page.hpp"
#include "report/missing_indices.hpp"

namespace sentra::report {
namespace {

// One cell of a stored table as text.
std::string cell(const Column& c, std::size_t row) {
  return c.is_text ? c.texts[row] : short_number(c.numbers[row], 6);
}

// Columns of /design worth showing: the scenario only when it varies; not the scenario's
// index (the name says it).
std::vector<const Column*> design_columns(const Table& design) {
  std::vector<const Column*> shown;
  for (const auto& c : design.columns) {
    if (c.name == "scenario_index") continue;
    if (c.name == "scenario" && c.is_text && std::set<std::string>(c.texts.begin(), c.texts.end()).size() < 2) continue;
    shown.push_back(&c);
  }
  return shown;
}

// A whole table, in HTML or Markdown; `skip` names columns left out.
std::string table_text(const Table& t, const std::vector<const Column*>& columns, bool html) {
  std::ostringstream b;
  if (html) {
    b << "<table>\n<tr>";
    for (const auto* c : columns) b << "<th>" << html_escape(c->name) << "</th>";
    b << "</tr>\n";
    for (std::size_t row = 0; row < t.rows(); ++row) {
      b << "<tr>";
      for (const auto* c : columns) b << "<td" << (c->is_text ? "" : " class=\"num\"") << ">" << html_escape(cell(*c, row)) << "</td>";
      b << "</tr>\n";
    }
    b << "</table>\n";
  } else {
    b << "|";
    for (const auto* c : columns) b << " " << markdown_cell(c->name) << " |";
    b << "\n|";
    for (const auto* c : columns) b << (c->is_text ? "---|" : "---:|");
    b << "\n";
    for (std::size_t row = 0; row < t.rows(); ++row) {
      b << "|";
      for (const auto* c : columns) b << " " << markdown_cell(cell(*c, row)) << " |";
      b << "\n";
    }
    b << "\n";
  }
  return b.str();
}

std::vector<const Column*> all_but(const Table& t, const std::set<std::string>& skip) {
  std::vector<const Column*> out;
  for (const auto& c : t.columns)
    if (!skip.count(c.name)) out.push_back(&c);
  return out;
}

std::string summary_text(const SweepResults& s) {
  std::ostringstream b;
  b << "Design " << (s.design.empty() ? "?" : s.design) << ": " << s.design_points << " design points x " << s.replicates
    << " replicates = " << s.runs << " runs of " << s.steps << " months, " << s.failed_runs
    << " failed. Replicate r of every design point ran with the same seed (common random numbers); outcome values per "
       "design point are means over its replicates that did not fail.";
  return b.str();
}

// Rows of /sensitivity for one outcome.
std::vector<std::size_t> rows_of(const Table& t, const std::string& outcome) {
  std::vector<std::size_t> rows;
  if (const auto* o = t.find("outcome"))
    for (std::size_t i = 0; i < o->texts.size(); ++i)
      if (o->texts[i] == outcome) rows.push_back(i);
  return rows;
}

// A chart slot: the chart, with the values it leaves out named under it, or a sentence in
// its place when it has nothing to draw (gnuplot fails on a plot without one point).
template <class Chart, class Draw>
std::string chart_slot(const Chart& chart, Draw draw, const std::string& outcome, const MissingIndices& missing) {
  std::ostringstream b;
  b << "<div class=\"chart\">\n";
  if (!has_values(chart)) {
    b << "<p class=\"meta\">No chart of " << html_escape(outcome) << ": every value it would draw is n/a.</p>\n";
  } else {
    b << draw(chart) << "\n";
    if (missing.any())
      b << "<p class=\"meta\">Not drawn (n/a): " << html_escape(missing_factors_text(missing)) << ".</p>\n";
  }
  b << "</div>\n";
  return b.str();
}

std::string sensitivity_charts(const SweepResults& s) {
  std::ostringstream b;
  const Table& t = s.sensitivity;
  const auto* factor = t.find("factor");
  if (!factor || !factor->is_text) return "";
  b << "<div class=\"charts\">\n";
  for (const auto& outcome : s.outcome_names) {
    const auto rows = rows_of(t, outcome);
    if (rows.empty()) continue;
    const MissingIndices missing = missing_indices(s, outcome);
    if (s.sensitivity_method == "sobol") {
      BarChart chart{outcome + ": Sobol indices", "share of variance", {}, {}};
      for (const char* index : {"S1", "ST"}) {
        const auto* v = t.find(index);
        const auto* lo = t.find(std::string(index) + "_lower");
        const auto* hi = t.find(std::string(index) + "_upper");
        if (!v || !lo || !hi) return "";
        BarSeries series{std::string(index) == "S1" ? "S1 (alone)" : "ST (with interactions)", {}, {}, {}};
        for (const std::size_t r : rows) {
          series.value.push_back(v->numbers[r]);
          series.lower.push_back(lo->numbers[r]);
          series.upper.push_back(hi->numbers[r]);
        }
        chart.series.push_back(std::move(series));
      }
      // A missing bar would read as a zero one: its factor's label says n/a.
      for (std::size_t i = 0; i < rows.size(); ++i) {
        bool absent = false;
        for (const auto& series : chart.series) absent = absent || !std::isfinite(series.value[i]);
        chart.categories.push_back(factor->texts[rows[i]] + (absent ? " (n/a)" : ""));
      }
      b << chart_slot(chart, [](const BarChart& c) { return bar_chart_svg(c); }, outcome, missing);
    } else {
      const auto* mu_star = t.find("mu_star");
      const auto* sigma = t.find("sigma");
      if (!mu_star || !sigma) return "";
      ScatterChart chart{outcome + ": Morris elementary effects", "mu* (mean |effect|)", "sigma (spread of effects)", {}, {}, {}};
      for (const std::size_t r : rows) {
        chart.labels.push_back(factor->texts[r]);
        chart.x.push_back(mu_star->numbers[r]);
        chart.y.push_back(sigma->numbers[r]);
      }
      b << chart_slot(chart, [](const ScatterChart& c) { return scatter_chart_svg(c); }, outcome, missing);
    }
  }
  b << "</div>\n";
  return b.str();
}

std::string sensitivity_explanation(const SweepResults& s) {
  if (s.sensitivity_method == "sobol")
    return "S1: the share of an outcome's variance a factor causes alone; ST: the share it takes part in, "
           "interactions included. Whiskers are 95% bootstrap intervals. A factor with ST near 0 can be fixed anywhere "
           "in its range.";
  return "mu*: the mean absolute effect of moving a factor over its whole range (importance); sigma: how much that "
         "effect varies (interactions or non-linearity). Factors near the origin matter little.";
}

std::string failed_text(const SweepResults& s, bool html) {
  std::ostringstream b;
  if (s.failed.empty()) return html ? "<p>No run failed.</p>\n" : "No run failed.\n\n";
  if (html) b << "<table>\n<tr><th>design point</th><th>replicate</th><th>error</th></tr>\n";
  else b << "| design point | replicate | error |\n|---:|---:|---|\n";
  for (const auto& f : s.failed) {
    if (html)
      b << "<tr><td class=\"num\">" << f.design_point << "</td><td class=\"num\">" << f.replicate << "</td><td>"
        << html_escape(f.error) << "</td></tr>\n";
    else b << "| " << f.design_point << " | " << f.replicate << " | " << markdown_cell(f.error) << " |\n";
  }
  b << (html ? "</table>\n" : "\n");
  return b.str();
}

std::string report_text(const SweepResults& s, bool html) {
  std::ostringstream b;
  const std::string title = "Sweep: " + s.experiment;
  const auto h = [&](int level, const std::string& text) {
    if (html) b << "<h" << level << ">" << html_escape(text) << "</h" << level << ">\n";
    else b << std::string(static_cast<std::size_t>(level), '#') << " " << text << "\n\n";
  };
  const auto p = [&](const std::string& text, bool meta = false) {
    if (html) b << "<p" << (meta ? " class=\"meta\"" : "") << ">" << html_escape(text) << "</p>\n";
    else b << text << "\n\n";
  };
  h(1, title);
  p(summary_text(s));
  p("Folder: " + s.folder.string() + (s.program_version.empty() ? "" : ", sentra " + s.program_version) +
        (s.created_utc.empty() ? "" : ", " + s.created_utc) + ".",
    true);
  h(2, "Factors");
  b << table_text(s.factors, all_but(s.factors, {"factor", "description"}), html);
  h(2, "Outcomes");
  b << table_text(s.outcomes, all_but(s.outcomes, {"outcome"}), html);
  h(2, "Outcomes per design point");
  p("Each row is a design point: its factor values and, for each outcome, the mean over its replicates.");
  b << table_text(s.design_table, design_columns(s.design_table), html);
  if (!s.sensitivity_method.empty() && s.sensitivity.rows() > 0) {
    h(2, s.sensitivity_method == "sobol" ? "Sobol indices" : "Morris elementary effects");
    p(sensitivity_explanation(s));
    // Why indices are n/a, as the sweep's printout says it; the charts leave those out.
    for (const auto& outcome : s.outcome_names)
      if (const std::string text = missing_indices_text(missing_indices(s, outcome), outcome); !text.empty()) p(text);
    if (html) b << sensitivity_charts(s);
    b << table_text(s.sensitivity, all_but(s.sensitivity, {"row"}), html);
  }
  h(2, "Failed runs");
  b << failed_text(s, html);
  return html ? html_page(title, b.str()) : b.str();
}

std::string csv_report(const SweepResults& s) {
  std::string out;
  std::vector<std::string> header;
  for (const auto& c : s.design_table.columns) header.push_back(output::csv_field(c.name));
  out += output::csv_line(header);
  for (std::size_t row = 0; row < s.design_table.rows(); ++row) {
    std::vector<std::string> fields;
    for (const auto& c : s.design_table.columns)
      fields.push_back(c.is_text ? output::csv_field(c.texts[row]) : output::csv_number(c.numbers[row]));
    out += output::csv_line(fields);
  }
  return out;
}

}  // namespace

std::string sweep_report(const SweepResults& results, Format format) {
  switch (format) {
    case Format::html: return report_text(results, true);
    case Format::markdown: return report_text(results, false);
    case Format::csv: return csv_report(results);
  }
  return "";
}

}  // namespace sentra::report
