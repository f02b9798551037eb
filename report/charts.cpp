#include "report/charts.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <sstream>
#include <stdexcept>

#include "report/gnuplot.hpp"

namespace sentra::report {
namespace {

// Okabe-Ito colours: told apart by readers with colour-blindness, and in grey print.
const std::array<const char*, 7> colours = {"#0072B2", "#E69F00", "#009E73", "#CC79A7",
                                            "#56B4E9", "#D55E00", "#000000"};
const char* colour(std::size_t i) { return colours[i % colours.size()]; }

std::string value(double v) {
  if (!std::isfinite(v)) return "?";  // `set datafile missing '?'`
  std::array<char, 32> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%.10g", v);
  return buffer.data();
}

std::string common_settings(const std::string& title) {
  std::ostringstream s;
  s << "set datafile missing '?'\n"
    << "set title " << gnuplot_quote(title) << "\n"
    << "set grid lc rgb '#dddddd'\n"
    << "set border 3\nset tics nomirror\n"
    << "set key outside bottom center horizontal noautotitle\n";
  return s.str();
}

// gnuplot's own message for a chart without values names neither the chart nor the cause.
void require_values(bool has, const std::string& title) {
  if (!has) throw std::invalid_argument("chart '" + title + "' has no value to draw (every value is n/a)");
}

}  // namespace

bool has_values(const TimeChart& chart) {
  for (std::size_t t = 0; t < chart.x.size(); ++t) {
    if (!std::isfinite(chart.x[t])) continue;
    for (const auto& series : chart.series)
      if (std::isfinite(series.mean[t]) || (std::isfinite(series.lower[t]) && std::isfinite(series.upper[t]))) return true;
  }
  return false;
}

bool has_values(const BarChart& chart) {
  for (const auto& series : chart.series)
    for (const double v : series.value)
      if (std::isfinite(v)) return true;
  return false;
}

bool has_values(const ScatterChart& chart) {
  for (std::size_t i = 0; i < chart.x.size(); ++i)
    if (std::isfinite(chart.x[i]) && std::isfinite(chart.y[i])) return true;
  return false;
}

std::string time_chart_svg(const TimeChart& chart) {
  require_values(has_values(chart), chart.title);
  std::ostringstream s;
  s << common_settings(chart.title) << "set xlabel " << gnuplot_quote(chart.x_label) << "\n"
    << "set ylabel " << gnuplot_quote(chart.y_label) << "\n";
  // Columns: x, then mean, lower, upper of each series.
  s << "$data << EOD\n";
  for (std::size_t t = 0; t < chart.x.size(); ++t) {
    s << value(chart.x[t]);
    for (const auto& series : chart.series)
      s << ' ' << value(series.mean[t]) << ' ' << value(series.lower[t]) << ' ' << value(series.upper[t]);
    s << '\n';
  }
  s << "EOD\n";
  if (chart.window)
    s << "set object 1 rect from " << value(chart.window->first) << ", graph 0 to " << value(chart.window->second)
      << ", graph 1 behind fc rgb '#f2f2f2' fs solid 1.0 noborder\n";
  if (chart.zero_line) s << "set arrow 1 from graph 0, first 0 to graph 1, first 0 nohead lc rgb '#555555' dt 2\n";
  s << "plot ";
  for (std::size_t k = 0; k < chart.series.size(); ++k)
    s << "$data using 1:" << 3 + 3 * k << ":" << 4 + 3 * k << " with filledcurves fs transparent solid 0.2 noborder lc rgb '"
      << colour(k) << "', ";
  for (std::size_t k = 0; k < chart.series.size(); ++k)
    s << "$data using 1:" << 2 + 3 * k << " with lines lw 2 lc rgb '" << colour(k) << "' title "
      << gnuplot_quote(chart.series[k].label) << (k + 1 < chart.series.size() ? ", " : "\n");
  return gnuplot_svg(s.str(), 720, 340);
}

std::string bar_chart_svg(const BarChart& chart) {
  require_values(has_values(chart), chart.title);
  std::ostringstream s;
  s << common_settings(chart.title) << "set ylabel " << gnuplot_quote(chart.y_label) << "\n";
  // Columns: category index, then value, lower, upper of each series.
  s << "$data << EOD\n";
  for (std::size_t c = 0; c < chart.categories.size(); ++c) {
    s << c;
    for (const auto& series : chart.series)
      s << ' ' << value(series.value[c]) << ' ' << value(series.lower[c]) << ' ' << value(series.upper[c]);
    s << '\n';
  }
  s << "EOD\n";
  s << "set xtics (";
  for (std::size_t c = 0; c < chart.categories.size(); ++c)
    s << gnuplot_quote(chart.categories[c]) << " " << c << (c + 1 < chart.categories.size() ? ", " : "");
  s << ") rotate by -20\n";
  const double n = static_cast<double>(chart.series.size());
  const double width = 0.8 / n;
  s << "set xrange [-0.6:" << value(static_cast<double>(chart.categories.size()) - 0.4) << "]\n"
    << "set boxwidth " << value(width) << " absolute\n"
    << "set style fill solid 1.0 noborder\n"
    << "set arrow 1 from graph 0, first 0 to graph 1, first 0 nohead lc rgb '#555555'\n"
    << "plot ";
  for (std::size_t k = 0; k < chart.series.size(); ++k) {
    const double offset = (static_cast<double>(k) - (n - 1) / 2) * width;
    const std::string x = "($1 + " + value(offset) + ")";
    s << "$data using " << x << ":" << 2 + 3 * k << " with boxes lc rgb '" << colour(k) << "' title "
      << gnuplot_quote(chart.series[k].label) << ", "
      << "$data using " << x << ":" << 2 + 3 * k << ":" << 3 + 3 * k << ":" << 4 + 3 * k
      << " with yerrorbars pt -1 lw 1.5 lc rgb '#333333'" << (k + 1 < chart.series.size() ? ", " : "\n");
  }
  return gnuplot_svg(s.str(), 720, 340);
}

std::string scatter_chart_svg(const ScatterChart& chart) {
  require_values(has_values(chart), chart.title);
  std::ostringstream s;
  s << common_settings(chart.title) << "set xlabel " << gnuplot_quote(chart.x_label) << "\n"
    << "set ylabel " << gnuplot_quote(chart.y_label) << "\n"
    << "set offsets graph 0.05, graph 0.25, graph 0.1, graph 0.05\n";
  s << "$data << EOD\n";
  for (std::size_t i = 0; i < chart.x.size(); ++i) {
    std::string label = chart.labels[i];
    for (char& c : label)
      if (c == '"' || c == ' ') c = '_';  // one token per label in the data block
    s << value(chart.x[i]) << ' ' << value(chart.y[i]) << " \"" << label << "\"\n";
  }
  s << "EOD\n"
    << "plot $data using 1:2 with points pt 7 ps 1.5 lc rgb '" << colour(0) << "', "
    << "$data using 1:2:3 with labels left offset 1,0.4 tc rgb '#333333'\n";
  return gnuplot_svg(s.str(), 720, 340);
}

}  // namespace sentra::report
