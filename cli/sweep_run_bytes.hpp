#pragma once
// A sweep run's result as bytes, for rank 0 when another MPI process ran it
// (distributed/): status, error, the series as raw doubles (the very bits the run
// produced), and the times for the overhead figures.
#include <string>
#include <string_view>

#include "cli/sweep_run.hpp"

namespace sentra::cli {

std::string sweep_run_bytes(const SweepRunResult& result);
SweepRunResult sweep_run_from_bytes(std::string_view bytes);

}  // namespace sentra::cli
