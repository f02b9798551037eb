#include "distributed/process_group.hpp"

#include <cstdlib>

#include "distributed/local_process_group.hpp"
#include "distributed/mpi_process_group.hpp"

namespace sentra::distributed {

bool launched_by_mpi() {
  // Open MPI's mpirun sets OMPI_COMM_WORLD_SIZE; a PMIx launcher (srun --mpi=pmix, Open MPI
  // 5, PRRTE) sets PMIX_RANK; srun --mpi=pmi2 and MPICH's Hydra set PMI_RANK. A plain
  // `srun sentra ...` without MPI sets none of them (SLURM_PROCID alone does not count), and
  // neither does running sentra by hand.
  for (const char* v : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK"})
    if (std::getenv(v)) return true;
  return false;
}

std::unique_ptr<ProcessGroup> join_process_group(int& argc, char**& argv) {
  if (launched_by_mpi()) return std::make_unique<MpiProcessGroup>(argc, argv);
  return std::make_unique<LocalProcessGroup>();
}

}  // namespace sentra::distributed
