#include "output/run_series.hpp"

#include <cstdint>

#include "output/hdf5_dataset.hpp"

namespace sentra::output {

RunSeries::RunSeries(hid_t parent, const std::string& where, const std::vector<std::string>& region_names,
                     const WriterOptions& options) {
  aggregates_group_ = h5::create_group(parent, "aggregates", where + "/aggregates");
  aggregates_.emplace(aggregates_group_.get(), where + "/aggregates", std::vector<std::size_t>{},
                      std::vector<hid_t>{}, std::vector<std::string>{"step"}, options);

  const std::string at = where + "/regions";
  regions_group_ = h5::create_group(parent, "regions", at);
  std::vector<std::int32_t> index(region_names.size());
  for (std::size_t r = 0; r < index.size(); ++r) index[r] = static_cast<std::int32_t>(r);
  region_index_ =
      h5::write_fixed(regions_group_.get(), "region", H5T_NATIVE_INT32, index.data(), index.size(), at + "/region");
  h5::make_scale(region_index_.get(), "region", at + "/region");
  h5::write_attribute(region_index_.get(), "units", std::string("1"), at + "/region");
  h5::write_attribute(region_index_.get(), "description",
                      std::string("region index: the column of every [step, region] series"), at + "/region");
  region_name_ = h5::write_strings(regions_group_.get(), "name", region_names, at + "/name");
  h5::write_attribute(region_name_.get(), "units", std::string(""), at + "/name");
  h5::write_attribute(region_name_.get(), "description", std::string("region name"), at + "/name");
  h5::attach_scale(region_name_.get(), region_index_.get(), 0, at + "/name");
  regions_.emplace(regions_group_.get(), at, std::vector<std::size_t>{region_names.size()},
                   std::vector<hid_t>{region_index_.get()}, std::vector<std::string>{"step", "region", "name"},
                   options);
}

void RunSeries::validate(const StepObservation& obs) const {
  aggregates_->validate(obs.step, obs.aggregates);
  regions_->validate(obs.step, obs.regions);
}

void RunSeries::append(const StepObservation& obs) {
  validate(obs);  // both tables before either is buffered: a rejected step changes nothing
  aggregates_->append(obs.step, obs.aggregates);
  regions_->append(obs.step, obs.regions);
}

void RunSeries::flush() {
  aggregates_->flush();
  regions_->flush();
}

}  // namespace sentra::output
