#include "report/missing_indices.hpp"

#include <cmath>

namespace sentra::report {

MissingIndices missing_indices(const SweepResults& s, const std::string& outcome) {
  MissingIndices m;
  const Table& t = s.sensitivity;
  const auto* outcomes = t.find("outcome");
  const auto* factors = t.find("factor");
  if (!outcomes || !outcomes->is_text || !factors || !factors->is_text) return m;
  const std::vector<std::string> names =
      s.sensitivity_method == "sobol" ? std::vector<std::string>{"S1", "ST"} : std::vector<std::string>{"mu_star", "mu", "sigma"};
  bool zero_variance = false;
  const auto* variance = t.find("variance");
  for (std::size_t r = 0; r < outcomes->texts.size(); ++r) {
    if (outcomes->texts[r] != outcome) continue;
    if (variance && !variance->is_text && variance->numbers[r] == 0) zero_variance = true;
    MissingFactor f{factors->texts[r], {}};
    for (const auto& name : names) {
      const auto* c = t.find(name);
      if (!c || c->is_text) continue;
      ++m.values;
      if (!std::isfinite(c->numbers[r])) f.indices.push_back(name);
    }
    m.missing += f.indices.size();
    if (!f.indices.empty()) m.factors.push_back(std::move(f));
  }
  if (!m.any()) return m;

  // The design table's per-point means tell failed points (NaN) and a constant outcome.
  std::size_t points = 0, without_value = 0;
  bool constant = true;
  double first = NAN;
  if (const auto* means = s.design_table.find(outcome + "_mean"); means && !means->is_text) {
    for (const double v : means->numbers) {
      ++points;
      if (!std::isfinite(v)) {
        ++without_value;
        continue;
      }
      if (std::isnan(first)) first = v;
      else if (v != first) constant = false;
    }
  }
  if (without_value > 0)
    m.reason = std::to_string(without_value) + " of " + std::to_string(points) +
               " design points have no value (every replicate failed)";
  else if (points > 0 && constant)
    m.reason = "the outcome has the same value at every design point, so there is no variance to share out";
  else if (zero_variance)
    m.reason = "the outcome does not vary over the base samples (variance 0), so there is no variance to share out";
  return m;
}

std::string missing_factors_text(const MissingIndices& m) {
  std::string out;
  for (const auto& f : m.factors) {
    if (!out.empty()) out += ", ";
    out += f.factor + " (";
    for (std::size_t i = 0; i < f.indices.size(); ++i) out += (i ? ", " : "") + f.indices[i];
    out += ")";
  }
  return out;
}

std::string missing_indices_text(const MissingIndices& m, const std::string& outcome) {
  if (!m.any()) return "";
  std::string out = outcome + ": ";
  out += m.all() ? "every index is n/a" : "some indices are n/a, " + missing_factors_text(m);
  return out + (m.reason.empty() ? "" : ": " + m.reason) + ".";
}

}  // namespace sentra::report
