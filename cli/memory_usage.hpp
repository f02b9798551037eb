#pragma once
// Memory the process holds, for the benchmarks' bytes-per-agent figures.

namespace sentra::cli {

// Resident set size now, from /proc/self/statm (bytes).
double current_rss_bytes();

// Largest resident set size so far, from getrusage (bytes).
double peak_rss_bytes();

}  // namespace sentra::cli
