#pragma once
// The report of a sweep folder: what was varied (factors, design), what was measured
// (outcomes), the outcome means per design point, the failed runs, and for Sobol designs
// the indices with their intervals (a bar chart per outcome) or for Morris designs mu*
// against sigma (a scatter per outcome). CSV is the design-point table alone.
#include <string>

#include "report/report_format.hpp"
#include "report/sweep_results.hpp"

namespace sentra::report {

// HTML with Sobol or Morris charts needs gnuplot (throws GnuplotMissing without it).
std::string sweep_report(const SweepResults& results, Format format);

}  // namespace sentra::report
