#pragma once
// The report's charts, each a gnuplot script built from the numbers and drawn to SVG by
// gnuplot_svg: lines over time with their interval bands, bars with interval whiskers, and
// a labelled scatter.
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
std::string time_chart_svg(const TimeChart& chart);

// Grouped bars: one group per category, one bar per series, whiskers from lower to upper.
struct BarSeries {
  std::string label;
  std::vector<double> value, lower, upper;
};
struct BarChart {
  std::string title, y_label;
  std::vector<std::string> categories;
  std::vector<BarSeries> series;
};
std::string bar_chart_svg(const BarChart& chart);

// Points labelled by name (Morris: mu* against sigma).
struct ScatterChart {
  std::string title, x_label, y_label;
  std::vector<std::string> labels;
  std::vector<double> x, y;
};
std::string scatter_chart_svg(const ScatterChart& chart);

}  // namespace sentra::report
