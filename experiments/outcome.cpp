#include "experiments/outcome.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>

#include "engine/config/did_you_mean.hpp"

namespace sentra::experiments {

const std::vector<std::string>& default_outcomes() {
  static const std::vector<std::string> names = {
      "sme_output", "sme_employment", "sme_exports",   "survival",     "import_share",
      "intermediary_margin", "mean_trust", "partnerships", "local_revenue"};
  return names;
}

double OutcomeReduction::reduce(std::span<const double> series) const {
  if (series.empty()) return std::numeric_limits<double>::quiet_NaN();
  const std::size_t begin = first(series.size());
  double sum = 0.0;
  for (std::size_t i = begin; i < series.size(); ++i) sum += series[i];
  return sum / double(series.size() - begin);
}

std::string OutcomeReduction::describe(std::span<const std::int64_t> steps, const std::string& unit) const {
  if (steps.empty()) return "no steps";
  const std::size_t begin = first(steps.size());
  const std::size_t n = steps.size() - begin;
  const std::string units = unit + (steps.size() == 1 ? "" : "s");
  std::string range = "step " + std::to_string(steps[begin]);
  if (n > 1) range = "steps " + std::to_string(steps[begin]) + "-" + std::to_string(steps.back());
  if (begin == 0)
    return "mean over " + range + ", all " + std::to_string(n) + " " + units + " of the run (fewer than " +
           std::to_string(window) + ")";
  return "mean over " + range + ", the last " + std::to_string(n) + " of the run's " + std::to_string(steps.size()) +
         " " + units;
}

std::optional<Reduce> parse_reduce(const std::string& name) {
  for (const Reduce r : {Reduce::last, Reduce::mean, Reduce::min, Reduce::max, Reduce::at})
    if (name == reduce_name(r)) return r;
  return std::nullopt;
}

const char* reduce_name(Reduce reduce) {
  switch (reduce) {
    case Reduce::last: return "last";
    case Reduce::mean: return "mean";
    case Reduce::min: return "min";
    case Reduce::max: return "max";
    case Reduce::at: return "at";
  }
  return "?";
}

const std::vector<std::string>& reduce_names() {
  static const std::vector<std::string> names = {"last", "mean", "min", "max", "at"};
  return names;
}

double SeriesReduction::apply(std::span<const double> values, std::span<const std::int64_t> steps) const {
  constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  const std::size_t n = std::min(values.size(), steps.size());
  if (n == 0) return nan;
  if (reduce == Reduce::last) return values[n - 1];
  double sum = 0.0, low = 0.0, high = 0.0;
  std::size_t count = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (steps[i] < from || steps[i] > to) continue;
    const double v = values[i];
    low = count == 0 ? v : std::min(low, v);
    high = count == 0 ? v : std::max(high, v);
    sum += v;
    ++count;
  }
  if (count == 0) return nan;
  switch (reduce) {
    case Reduce::mean: return sum / double(count);
    case Reduce::min: return low;
    case Reduce::max: return high;
    case Reduce::at:
    case Reduce::last: break;
  }
  return sum / double(count);  // `at`: the one value in [step, step]
}

std::string SeriesReduction::describe() const {
  const std::string window =
      from == to ? "step " + std::to_string(from) : "steps " + std::to_string(from) + "-" + std::to_string(to);
  switch (reduce) {
    case Reduce::last: return "last value of " + series;
    case Reduce::at: return series + " at step " + std::to_string(from);
    case Reduce::mean:
    case Reduce::min:
    case Reduce::max: break;
  }
  return std::string(reduce_name(reduce)) + " of " + series + " over " + window;
}

std::vector<std::string> split_outcome_list(const std::string& list) {
  std::vector<std::string> out;
  std::string current;
  const auto push = [&] {
    const auto b = current.find_first_not_of(" \t");
    const auto e = current.find_last_not_of(" \t");
    if (b != std::string::npos) out.push_back(current.substr(b, e - b + 1));
    current.clear();
  };
  for (char c : list) {
    if (c == ',') push();
    else current += c;
  }
  push();
  return out;
}

void check_outcomes(const std::vector<std::string>& outcomes, const std::vector<std::string>& available) {
  if (outcomes.empty()) throw std::invalid_argument("no outcomes given");
  for (std::size_t i = 0; i < outcomes.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (outcomes[i] == outcomes[j]) throw std::invalid_argument("outcome '" + outcomes[i] + "' is listed twice");
  for (const auto& name : outcomes) {
    bool found = false;
    for (const auto& a : available) found = found || a == name;
    if (found) continue;
    std::string message = "unknown outcome '" + name + "'";
    if (const auto hint = config::closest_match(name, available)) message += "; did you mean '" + *hint + "'?";
    message += "\n  outcomes are aggregate series:";
    for (std::size_t i = 0; i < available.size(); ++i) message += (i ? ", " : " ") + available[i];
    throw std::invalid_argument(message);
  }
}

}  // namespace sentra::experiments
