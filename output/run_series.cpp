#include "output/run_series.hpp"

#include <algorithm>

namespace sentra::output {

RunSeries::RunSeries(hid_t parent, const std::string& where, const std::vector<std::string>& region_names,
                     const WriterOptions& options)
    : aggregates_(parent, "aggregates", where + "/aggregates", RecordTable::Keys::step, std::size_t{1},
                  options.chunk_steps, options.deflate_level),
      // One chunk holds chunk_steps steps of every region, as format 1.0's [T, R] chunks did.
      regions_(parent, "regions", where + "/regions", RecordTable::Keys::step_and_region, region_names.size(),
               options.chunk_steps * std::max<std::size_t>(1, region_names.size()), options.deflate_level) {
  regions_.add_text_attribute("region_names", region_names);
}

void RunSeries::validate(const StepObservation& obs) const {
  aggregates_.validate(obs.step, obs.aggregates);
  regions_.validate(obs.step, obs.regions);
}

void RunSeries::append(const StepObservation& obs) {
  validate(obs);  // both tables before either is buffered: a rejected step changes nothing
  append_validated(obs);
}

void RunSeries::append_validated(const StepObservation& obs) {
  aggregates_.append_validated(obs.step, obs.aggregates);
  regions_.append_validated(obs.step, obs.regions);
}

void RunSeries::flush() {
  aggregates_.flush();
  regions_.flush();
}

}  // namespace sentra::output
