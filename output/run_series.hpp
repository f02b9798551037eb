#pragma once
// The per-step series of one run: `aggregates/` (one value per step) and `regions/` (one
// row of R values per step, with the region index and names as coordinates), created in a
// parent group. A run file has them at its root; a comparison file has one pair per run
// under /run/s<k>_r<r>, so a run reads the same wherever it is stored (docs/output.md).
#include <optional>
#include <string>
#include <vector>

#include "engine/table.hpp"
#include "output/hdf5_handle.hpp"
#include "output/series_group.hpp"
#include "output/writer_options.hpp"

namespace sentra::output {

class RunSeries {
 public:
  // `where` is the parent's name in messages ("file.h5.partial:" for the root).
  RunSeries(hid_t parent, const std::string& where, const std::vector<std::string>& region_names,
            const WriterOptions& options);

  // Throws std::logic_error if the step's aggregates or regions do not fit (see SeriesGroup).
  void validate(const StepObservation& obs) const;
  // Appends the step's aggregates and regions (agent and network tables are not series).
  void append(const StepObservation& obs);
  void flush();

 private:
  // Declared before the series so they close after the datasets in them.
  h5::Group aggregates_group_, regions_group_;
  h5::Dataset region_index_, region_name_;
  std::optional<SeriesGroup> aggregates_, regions_;
};

}  // namespace sentra::output
