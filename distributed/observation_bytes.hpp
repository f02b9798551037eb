#pragma once
// A run's observations (engine/table.hpp) as bytes for another process, and back: every
// column's values in their own type and bits. Column names, units and descriptions are
// sent once per run and table, not once per step, unless a step's columns differ from the
// step before (a run's monthly tables normally have the same columns every month).
#include <string>
#include <string_view>
#include <vector>

#include "engine/table.hpp"

namespace sentra::distributed {

std::string observation_bytes(const std::vector<StepObservation>& steps);
std::vector<StepObservation> observations_from_bytes(std::string_view bytes);

}  // namespace sentra::distributed
