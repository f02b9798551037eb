#pragma once
// The aggregate series the cluster model reports (name, unit, description), known before any
// run starts, so `sentra compare --outcomes` can be checked up front. Read from the model's
// own observation of a world with the scenario's parameters and no agents yet: no list to
// keep in step with models/cluster/observe.cpp, and it costs nothing.
#include <vector>

#include "engine/table.hpp"
#include "models/cluster/params.hpp"

namespace sentra::cli {

// One column per aggregate series, each holding the empty world's value (ignore it).
std::vector<Column> aggregate_columns(const cluster::Params& params);

}  // namespace sentra::cli
