#include "report/charts.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <string>

#include "report/gnuplot.hpp"
#include "occurrences.hpp"

using namespace sentra::report;
using sentra::report::testing::count;

// gnuplot is a build dependency installed by scripts/setup.sh; these check what it draws.
TEST_CASE("charts.a time chart is inline SVG with bands, lines and the legend's labels") {
  TimeChart chart{"gdp", "month", "gdp (IDR)", {0, 1, 2, 3}, {}, true, std::pair{2.0, 3.0}};
  chart.series.push_back({"baseline", {1, 2, 3, 4}, {0.5, 1.5, 2.5, 3.5}, {1.5, 2.5, 3.5, 4.5}});
  chart.series.push_back({"it's_policy", {1, 2, NAN, 5}, {0.5, 1.5, NAN, 4.5}, {1.5, 2.5, NAN, 5.5}});
  const std::string svg = time_chart_svg(chart);
  CHECK(svg.rfind("<svg", 0) == 0);  // no XML declaration: it goes inline in HTML
  CHECK(svg.find("</svg>") != std::string::npos);
  CHECK(count(svg, "<path") >= 6);
  CHECK(svg.find("s_policy") != std::string::npos);  // underscores as written (noenhanced)
}

TEST_CASE("charts.bars with whiskers and a labelled scatter draw") {
  BarChart bars{"income", "share", {"a.b", "c"}, {}};
  bars.series.push_back({"S1", {0.2, 0.5}, {0.1, 0.4}, {0.3, 0.6}});
  bars.series.push_back({"ST", {0.3, 0.7}, {0.2, 0.6}, {0.4, 0.8}});
  CHECK(count(bar_chart_svg(bars), "<path") >= 6);
  const std::string scatter = scatter_chart_svg({"m", "mu*", "sigma", {"x one", "y"}, {1, 2}, {3, 4}});
  CHECK(scatter.find("x_one") != std::string::npos);
}

TEST_CASE("charts.a chart without one defined value is not sent to gnuplot") {
  BarChart bars{"income", "share", {"a", "b"}, {}};
  bars.series.push_back({"S1", {NAN, NAN}, {NAN, NAN}, {NAN, NAN}});
  CHECK_FALSE(has_values(bars));
  CHECK_THROWS_WITH_AS(bar_chart_svg(bars), doctest::Contains("has no value to draw"), std::invalid_argument);
  bars.series.push_back({"ST", {NAN, 0.3}, {NAN, NAN}, {NAN, NAN}});  // a bar without its whisker
  CHECK(has_values(bars));
  CHECK(bar_chart_svg(bars).rfind("<svg", 0) == 0);

  const ScatterChart none{"m", "mu*", "sigma", {"a", "b"}, {NAN, 1}, {2, NAN}};
  CHECK_FALSE(has_values(none));
  CHECK_THROWS_AS(scatter_chart_svg(none), std::invalid_argument);
  CHECK(has_values(ScatterChart{"m", "mu*", "sigma", {"a", "b"}, {NAN, 0}, {2, 0}}));

  TimeChart time{"gdp", "month", "gdp", {0, 1}, {}, false, {}};
  time.series.push_back({"a", {NAN, NAN}, {NAN, NAN}, {NAN, NAN}});
  CHECK_FALSE(has_values(time));
  CHECK_THROWS_AS(time_chart_svg(time), std::invalid_argument);
}

TEST_CASE("gnuplot.a failing script reports gnuplot's message") {
  CHECK_THROWS_WITH_AS(gnuplot_svg("plot $nothing using 1:2\n", 100, 100), doctest::Contains("gnuplot"),
                       std::runtime_error);
}

TEST_CASE("gnuplot.a missing program says what to install") {
  ::setenv("SENTRA_GNUPLOT", "/nonexistent/gnuplot", 1);
  CHECK_THROWS_WITH_AS(gnuplot_svg("plot x\n", 100, 100), doctest::Contains("gnuplot-nox"), GnuplotMissing);
  ::unsetenv("SENTRA_GNUPLOT");
}
