#pragma once
// One run of the cluster-competition model: a world, its scheduler and its phase plan.
// The CLI, tests and benchmarks drive it month by month and read observations; it knows
// nothing of files or HDF5.
#include <cstdint>
#include <string>

#include "engine/scheduler.hpp"
#include "engine/table.hpp"
#include "models/cluster/params.hpp"
#include "models/cluster/world.hpp"

namespace sentra::cluster {

class Simulation {
 public:
  Simulation(const Params& params, int threads);
  Simulation(const Simulation&) = delete;
  Simulation& operator=(const Simulation&) = delete;

  // Runs month w.step: events due this month, the phases, then the boundary work.
  void step();

  // Observation of the month just run (call after step()).
  StepObservation observe(bool agents, bool network);

  std::int64_t current_step() const { return world_.step; }
  const World& world() const { return world_; }
  int threads() const { return scheduler_.threads(); }
  std::string describe_schedule() const { return plan_.describe(); }

 private:
  World world_;
  Scheduler scheduler_;
  StepPlan plan_;
  std::int64_t observed_step_ = 0;
  bool compact_due_ = false;
};

}  // namespace sentra::cluster
