#include "models/cluster/simulation.hpp"

#include "models/cluster/boundary.hpp"
#include "models/cluster/observe.hpp"
#include "models/cluster/regional_budget.hpp"
#include "models/cluster/step_plan.hpp"
#include "models/cluster/world_builder.hpp"

namespace sentra::cluster {

Simulation::Simulation(const Params& params, int threads)
    : world_(build_world(params, threads)), scheduler_(threads), plan_(make_step_plan(world_)) {}

void Simulation::step() {
  auto& w = world_;
  w.entries_this_step = 0;
  w.partnerships_ended_this_step = 0;
  w.spinoffs_this_step = 0;
  w.strategy_ties_this_step = 0;
  w.trader_visits_this_step = 0;
  // The boundary after the previous month runs here, so that month's observation still saw
  // the firms that exited in it. Exits stay masked (alive = 0) until a compaction.
  // Events first: rules that change at month t already govern that month's boundary work
  // (who enters and with what licence, informality reviews, partnership targets).
  apply_events(w);
  if (budget_due(w.step)) settle_budgets(w);
  if (compact_due_) compact_and_enter(w, scheduler_);
  plan_.run_step(scheduler_, static_cast<std::uint64_t>(w.step));
  collect_levies(w, scheduler_);
  swap_information(w, scheduler_);
  draw_entry(w);
  compact_due_ = (w.step + 1) % w.params.world.compact_every == 0;
  observed_step_ = w.step;
  ++w.step;
}

StepObservation Simulation::observe(bool agents, bool network) {
  // Observations describe the month just run, labelled with its step number.
  auto& w = world_;
  const auto saved = w.step;
  w.step = observed_step_;
  auto obs = sentra::cluster::observe(w, scheduler_, agents, network);
  w.step = saved;
  return obs;
}

}  // namespace sentra::cluster
