#include "report/comparison_results.hpp"

#include <stdexcept>

namespace sentra::report {

ComparisonResults read_comparison(const output::Hdf5Reader& reader) {
  ComparisonResults r;
  r.file = reader.path();
  r.program_version = reader.text_attribute("program_version").value_or("");
  r.created_utc = reader.text_attribute("created_utc").value_or("");
  r.step_unit = reader.text_attribute("step_unit").value_or("month");
  r.reduction = reader.text_attribute("outcome_reduction").value_or("");
  r.interval = reader.text_attribute("interval").value_or("");
  r.seed_rule = reader.text_attribute("seed_rule").value_or("");
  r.replicates = static_cast<std::size_t>(reader.number_attribute("replicates").value_or(0));
  r.steps = static_cast<std::size_t>(reader.number_attribute("steps").value_or(0));
  r.reduction_window = static_cast<std::size_t>(reader.number_attribute("reduction_window").value_or(0));
  r.confidence = reader.number_attribute("confidence").value_or(0.95);
  r.scenarios = reader.texts("scenarios/label");

  const auto outcome = reader.texts("summary/outcome");
  const auto units = reader.texts("summary/units");
  const auto scenario = reader.numbers("summary/scenario");
  const auto column = [&](const char* name) { return reader.numbers(std::string("summary/") + name); };
  const auto mean = column("mean"), mean_lower = column("mean_lower"), mean_upper = column("mean_upper");
  const auto diff = column("difference"), diff_lower = column("difference_lower"), diff_upper = column("difference_upper");
  const std::size_t k = r.scenarios.size();
  if (k == 0 || outcome.size() % k != 0 || scenario.size() != outcome.size() || mean.size() != outcome.size())
    throw std::runtime_error(reader.path().string() + ": /summary does not hold one row per outcome and scenario");

  const bool has_series = reader.has("series/step");
  if (has_series) r.series_steps = reader.numbers("series/step");
  for (std::size_t row = 0; row < outcome.size(); row += k) {
    ComparedOutcome o;
    o.name = outcome[row];
    o.units = units.size() > row ? units[row] : "";
    for (std::size_t s = 0; s < k; ++s) {
      o.mean.push_back({mean[row + s], mean_lower[row + s], mean_upper[row + s]});
      o.difference.push_back({diff[row + s], diff_lower[row + s], diff_upper[row + s]});
    }
    const std::string base = "series/" + o.name;
    if (has_series && reader.has(base + "_mean")) {
      o.series_mean = reader.matrix(base + "_mean");
      o.series_lower = reader.matrix(base + "_lower");
      o.series_upper = reader.matrix(base + "_upper");
      o.difference_mean = reader.matrix(base + "_difference");
      o.difference_lower = reader.matrix(base + "_difference_lower");
      o.difference_upper = reader.matrix(base + "_difference_upper");
      if (o.series_mean.columns != k || o.series_mean.rows != r.series_steps.size())
        throw std::runtime_error(reader.path().string() + ":/" + base + "_mean is not [steps, scenarios]");
    }
    r.outcomes.push_back(std::move(o));
  }
  return r;
}

}  // namespace sentra::report
