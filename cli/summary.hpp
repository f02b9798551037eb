#pragma once
// The short table `sentra run` prints at the end: the headline aggregates of the first and
// last month, side by side.
#include <string>

#include "engine/table.hpp"

namespace sentra::cli {

std::string summary_table(const StepObservation& first, const StepObservation& last);

}  // namespace sentra::cli
