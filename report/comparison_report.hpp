#pragma once
// The report of a comparison file for a reader who has to choose between policies: for
// each outcome, the mean per scenario with its interval, the paired difference from the
// reference with its interval and a verdict in words ("raises it by ...", "no clear
// difference"), and in HTML a chart of each outcome over time (mean per scenario with its
// band) and of the difference from the reference (with its band, against 0).
#include <string>

#include "report/comparison_results.hpp"
#include "report/report_format.hpp"

namespace sentra::report {

// HTML needs gnuplot (throws GnuplotMissing without it); Markdown and CSV do not.
std::string comparison_report(const ComparisonResults& results, Format format);

}  // namespace sentra::report
