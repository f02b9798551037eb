#include "experiments/comparison.hpp"

#include <stdexcept>

namespace sentra::experiments {

ReplicatedSeries::ReplicatedSeries(std::size_t outcomes, std::size_t scenarios, std::size_t replicates,
                                   std::size_t steps)
    : outcomes_(outcomes), scenarios_(scenarios), replicates_(replicates), steps_(steps),
      values_(outcomes * scenarios * replicates * steps, 0.0) {}

std::span<double> ReplicatedSeries::series(std::size_t o, std::size_t k, std::size_t r) {
  if (o >= outcomes_ || k >= scenarios_ || r >= replicates_) throw std::out_of_range("ReplicatedSeries::series");
  return {values_.data() + ((o * scenarios_ + k) * replicates_ + r) * steps_, steps_};
}

std::span<const double> ReplicatedSeries::series(std::size_t o, std::size_t k, std::size_t r) const {
  if (o >= outcomes_ || k >= scenarios_ || r >= replicates_) throw std::out_of_range("ReplicatedSeries::series");
  return {values_.data() + ((o * scenarios_ + k) * replicates_ + r) * steps_, steps_};
}

std::vector<OutcomeComparison> compare_scenarios(const ReplicatedSeries& runs, const OutcomeReduction& reduction,
                                                 double confidence) {
  const std::size_t K = runs.scenarios(), R = runs.replicates(), T = runs.steps();
  if (K == 0) throw std::invalid_argument("compare_scenarios: no scenarios");
  std::vector<OutcomeComparison> out(runs.outcomes());
  std::vector<double> at_step(R), reference_at_step(R);
  for (std::size_t o = 0; o < runs.outcomes(); ++o) {
    auto& c = out[o];
    c.values.assign(K, std::vector<double>(R));
    for (std::size_t k = 0; k < K; ++k)
      for (std::size_t r = 0; r < R; ++r) c.values[k][r] = reduction.reduce(runs.series(o, k, r));
    for (std::size_t k = 0; k < K; ++k) {
      c.mean.push_back(mean_interval(c.values[k], confidence));
      c.difference.push_back(paired_difference(c.values[k], c.values[0], confidence));
    }
    c.series_mean.reserve(T * K);
    c.series_difference.reserve(T * K);
    for (std::size_t t = 0; t < T; ++t) {
      for (std::size_t r = 0; r < R; ++r) reference_at_step[r] = runs.series(o, 0, r)[t];
      for (std::size_t k = 0; k < K; ++k) {
        for (std::size_t r = 0; r < R; ++r) at_step[r] = runs.series(o, k, r)[t];
        c.series_mean.push_back(mean_interval(at_step, confidence));
        c.series_difference.push_back(paired_difference(at_step, reference_at_step, confidence));
      }
    }
  }
  return out;
}

}  // namespace sentra::experiments
