#pragma once
// This process alone: the ensemble's runs on its slots (experiments/parallel_runs.hpp).
#include "distributed/process_group.hpp"

namespace sentra::distributed {

// The runs on this process's slots, in index order; done(i) right after run(i) on the
// same thread. Also what an MPI job of one process does.
EnsembleOutcome run_locally(const Ensemble& ensemble);

class LocalProcessGroup final : public ProcessGroup {
 public:
  int rank() const override { return 0; }
  int size() const override { return 1; }
  int settle(int code) override;
  bool settled() const override { return settled_; }
  EnsembleOutcome run(const Ensemble& ensemble) override { return run_locally(ensemble); }
  void leave_on_error(int, const std::string&) override {}

 private:
  bool settled_ = false;
};

}  // namespace sentra::distributed
