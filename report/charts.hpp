#pragma once
// The report's charts, each a gnuplot script built from the numbers and drawn to SVG by
// gnuplot_svg: lines over time with their interval bands, bars with interval whiskers, and
// a labelled scatter. A chart must have at least one value to draw (has_values): gnuplot
// fails on a plot whose every point is undefined ("all points y value undefined!", "x range
// is invalid"), so a report writes a sentence in its place instead.
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sentra::report {

// One line of a time chart and its band (lower, upper); NaN values are left out.
struct BandSeries {
  std::string label;
  std::vector<double> mean, lower, upper;
};

struct TimeChart {
  std::string title, x_label, y_label;
  std::vector<double> x;
  std::vector<BandSeries> series;
  bool zero_line = false;                        // a reference line at y = 0 (difference charts)
  std::optional<std::pair<double, double>> window;  // months shaded (those the outcome averages)
};
bool has_values(const TimeChart& chart);  // a finite x with a finite mean or band
std::string time_chart_svg(const TimeChart& chart);  // throws std::invalid_argument without values

// Grouped bars: one group per category, one bar per series, whiskers from lower to upper;
// a NaN value leaves its bar out, a NaN bound its whisker.
struct BarSeries {
  std::string label;
  std::vector<double> value, lower, upper;
};
struct BarChart {
  std::string title, y_label;
  std::vector<std::string> categories;
  std::vector<BarSeries> series;
};
bool has_values(const BarChart& chart);  // a finite bar value
std::string bar_chart_svg(const BarChart& chart);  // throws std::invalid_argument without values

// Points labelled by name (Morris: mu* against sigma); a point with a NaN coordinate is left out.
struct ScatterChart {
  std::string title, x_label, y_label;
  std::vector<std::string> labels;
  std::vector<double> x, y;
};
bool has_values(const ScatterChart& chart);  // a point with both coordinates finite
std::string scatter_chart_svg(const ScatterChart& chart);  // throws std::invalid_argument without values

}  // namespace sentra::report
