#pragma once
// The processes one `sentra` command runs on: this process alone, or every rank of an MPI
// job when launched by mpirun or srun. Commands other than sweep and compare never notice:
// MPI is initialised only when the launcher says it started this process (its environment
// variables), so `sentra run` and `validate` work without MPI, and sweep and compare run
// unchanged without mpirun.
//
// Every process of a job runs the same command on the same files: each loads and checks
// the experiment (so a bad file fails everywhere with the same exit code, and only rank 0,
// the leader, prints the message), rank 0 alone decides about the results folder, and all
// learn its verdict from settle(). Then run() spreads the ensemble's runs over them.
#include <memory>
#include <string>

#include "distributed/ensemble.hpp"

namespace sentra::distributed {

class ProcessGroup {
 public:
  virtual ~ProcessGroup() = default;
  virtual int rank() const = 0;
  virtual int size() const = 0;
  bool leader() const { return rank() == 0; }

  // Every process's exit code so far (0: go on); each gets the largest. Called once, by
  // every process, before run(); a process that leaves early settles on its way out.
  virtual int settle(int code) = 0;
  virtual bool settled() const = 0;

  // Runs the ensemble: here on `concurrent` slots, or under MPI by dynamic assignment (rank
  // 0 hands out run indices as processes ask for them and calls done() as results arrive,
  // while its own slots run too).
  virtual EnsembleOutcome run(const Ensemble& ensemble) = 0;

  // An error left the command on this process (an exception, exit `code`, message `why`).
  // Before settle(), the others learn `code` there, and a process other than rank 0 prints
  // `why` when rank 0 had no error (rank 0 prints its own; the same error on every process
  // is printed once). After settle() the others may be waiting for this process, so `why`
  // is printed and the whole job aborted (MPI_Abort) rather than left hanging.
  virtual void leave_on_error(int code, const std::string& why) = 0;
};

// MPI when the process was started by an MPI launcher (mpirun, mpiexec, srun with PMIx or
// PMI2), else this process alone.
std::unique_ptr<ProcessGroup> join_process_group(int& argc, char**& argv);

// True when an MPI launcher started this process.
bool launched_by_mpi();

}  // namespace sentra::distributed
