#pragma once
// The per-step series of one run (format 2.0): `aggregates` (one row per step) and
// `regions` (one row per step and region), each ONE compound dataset in a parent group
// (RecordTable). A run file has them at its root; a comparison file has one pair per run
// under /run/s<k>_r<r>, so a run reads the same wherever it is stored (docs/output.md).
#include <string>
#include <vector>

#include "engine/table.hpp"
#include "output/hdf5_handle.hpp"
#include "output/record_table.hpp"
#include "output/writer_options.hpp"

namespace sentra::output {

class RunSeries {
 public:
  // `where` is the parent's name in messages ("file.h5.partial:" for the root).
  RunSeries(hid_t parent, const std::string& where, const std::vector<std::string>& region_names,
            const WriterOptions& options);

  // Throws std::logic_error if the step's aggregates or regions do not fit (see RecordTable).
  void validate(const StepObservation& obs) const;
  // Appends the step's aggregates and regions (agent and network tables are not series).
  void append(const StepObservation& obs);
  // The same for a step validate() has just accepted.
  void append_validated(const StepObservation& obs);
  // Writes what is buffered (creating the datasets if no step was appended).
  void flush();

 private:
  RecordTable aggregates_, regions_;
};

}  // namespace sentra::output
