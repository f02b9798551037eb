#include "cli/aggregate_columns.hpp"

#include "engine/scheduler.hpp"
#include "models/cluster/observe.hpp"
#include "models/cluster/world.hpp"

namespace sentra::cli {

std::vector<Column> aggregate_columns(const cluster::Params& params) {
  cluster::World empty;
  empty.params = params;
  Scheduler one_thread(1);
  const StepObservation obs = cluster::observe(empty, one_thread, false, false);
  return {obs.aggregates.columns.begin(), obs.aggregates.columns.end()};
}

}  // namespace sentra::cli
