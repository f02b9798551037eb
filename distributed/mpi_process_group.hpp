#pragma once
// Every rank of an MPI job (Open MPI). The only part of sentra that knows MPI: mpi.h is
// included by mpi_process_group.cpp alone.
//
// Runs are handed out dynamically: each process asks rank 0 for one run per slot, and with
// every result it sends back for as many as keep one per slot, plus one in reserve while
// its runs are short (so a slot that finishes a short run never waits for the network).
// Rank 0 hands out the next index in order (so runs start roughly in index order, as on
// one process), runs its own share on its slots while its main thread serves the others,
// and calls done() for every result that arrives. Only the main thread of each process calls MPI (MPI_THREAD_FUNNELED).
#include "distributed/process_group.hpp"

namespace sentra::distributed {

class MpiProcessGroup final : public ProcessGroup {
 public:
  MpiProcessGroup(int& argc, char**& argv);  // MPI_Init_thread
  ~MpiProcessGroup() override;               // MPI_Finalize
  MpiProcessGroup(const MpiProcessGroup&) = delete;
  MpiProcessGroup& operator=(const MpiProcessGroup&) = delete;

  int rank() const override { return rank_; }
  int size() const override { return size_; }
  int settle(int code) override;
  bool settled() const override { return settled_; }
  EnsembleOutcome run(const Ensemble& ensemble) override;
  void leave_on_error(int code, const std::string& why) override;

 private:
  EnsembleOutcome lead(const Ensemble& ensemble);
  EnsembleOutcome work(const Ensemble& ensemble);
  [[noreturn]] void abort(const std::string& what, int code);

  int rank_ = 0;
  int size_ = 1;
  bool settled_ = false;
  int leader_code_ = 0;  // rank 0's own code at settle()
};

}  // namespace sentra::distributed
