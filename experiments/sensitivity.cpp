#include "experiments/sensitivity.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <sstream>

namespace sentra::experiments {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// Indices are shares of variance: three decimals.
std::string number(double v) {
  if (!std::isfinite(v)) return "n/a";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.3f", v == 0.0 ? 0.0 : v);  // no "-0.000"
  return buf;
}

// Significant digits for Morris statistics, whose units are the outcome's.
std::string general(double v) {
  if (!std::isfinite(v)) return "n/a";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.4g", v == 0.0 ? 0.0 : v);
  return buf;
}

std::string table(const std::vector<std::vector<std::string>>& rows, const std::vector<bool>& right,
                  std::size_t group) {
  std::vector<std::size_t> width(rows.front().size(), 0);
  for (const auto& r : rows)
    for (std::size_t i = 0; i < r.size(); ++i) width[i] = std::max(width[i], r[i].size());
  std::string out;
  for (std::size_t n = 0; n < rows.size(); ++n) {
    if (n > 1 && group > 0 && (n - 1) % group == 0) out += "\n";
    std::string line;
    for (std::size_t i = 0; i < rows[n].size(); ++i) {
      const std::string& cell = rows[n][i];
      const std::string pad(width[i] - cell.size(), ' ');
      line += (i ? "  " : "") + (right[i] ? pad + cell : cell + pad);
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

}  // namespace

std::vector<double> replicate_means(std::span<const double> runs, std::size_t points, std::size_t replicates) {
  std::vector<double> means(points, nan);
  for (std::size_t p = 0; p < points; ++p) {
    double sum = 0.0;
    std::size_t n = 0;
    for (std::size_t r = 0; r < replicates; ++r) {
      const double v = runs[p * replicates + r];
      if (std::isfinite(v)) {
        sum += v;
        ++n;
      }
    }
    if (n > 0) means[p] = sum / double(n);
  }
  return means;
}

Sensitivity analyse_sensitivity(const Experiment& e, const Design& d, const std::vector<std::vector<double>>& means) {
  Sensitivity s;
  s.dimensions = d.dimensions;
  if (e.design.type == DesignType::sobol) {
    s.method = SensitivityMethod::sobol;
    s.samples = d.sobol_samples;
    s.resamples = e.design.resamples;
  } else if (e.design.type == DesignType::morris) {
    s.method = SensitivityMethod::morris;
    s.samples = e.design.trajectories;
  } else {
    return s;
  }
  for (std::size_t o = 0; o < e.outcomes.size(); ++o) {
    OutcomeSensitivity r;
    r.outcome = e.outcomes[o].name;
    for (const double v : means[o]) r.points_without_value += std::isfinite(v) ? 0 : 1;
    if (s.method == SensitivityMethod::sobol)
      r.sobol = sobol_indices(means[o], s.samples, d.dimensions.size(), s.resamples, e.design.seed, s.confidence);
    else
      r.morris = morris_effects(*d.morris, means[o]);
    s.outcomes.push_back(std::move(r));
  }
  return s;
}

std::string sensitivity_report(const Sensitivity& s) {
  if (s.method == SensitivityMethod::none) return "";
  std::ostringstream out;
  char percent[16];
  std::snprintf(percent, sizeof percent, "%g%%", 100.0 * s.confidence);
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> right;
  if (s.method == SensitivityMethod::sobol) {
    out << "Sobol indices of each outcome's replicate mean: first order S1 (Saltelli 2010) and total order ST\n"
           "(Jansen 1999), from N = "
        << s.samples << " base samples (" << s.samples * (s.dimensions.size() + 2)
        << " design points); " << percent << " percentile bootstrap intervals over " << s.resamples
        << " resamples.\nS1: share of the outcome's variance due to the factor alone; ST: including its "
           "interactions.\n\n";
    rows.push_back({"outcome", "factor", "S1", std::string(percent) + " interval", "ST", std::string(percent) + " interval"});
    right = {false, false, true, false, true, false};
    for (const auto& o : s.outcomes)
      for (std::size_t i = 0; i < s.dimensions.size(); ++i) {
        const auto& f = o.sobol.first[i];
        const auto& t = o.sobol.total[i];
        const auto interval = [](const IndexEstimate& x) {
          if (!std::isfinite(x.lower)) return std::string();
          return "[" + number(x.lower) + ", " + number(x.upper) + "]";
        };
        rows.push_back({i == 0 ? o.outcome : "", s.dimensions[i], number(f.value), interval(f), number(t.value), interval(t)});
      }
  } else {
    out << "Morris elementary effects of each outcome's replicate mean over " << s.samples
        << " trajectories, per unit of each factor's range\n(mu* = mean |effect|: importance; mu = mean effect: "
           "direction; sigma = their standard deviation: interactions or non-linearity).\n\n";
    rows.push_back({"outcome", "factor", "mu*", "mu", "sigma"});
    right = {false, false, true, true, true};
    for (const auto& o : s.outcomes)
      for (std::size_t i = 0; i < s.dimensions.size(); ++i)
        rows.push_back({i == 0 ? o.outcome : "", s.dimensions[i], general(o.morris[i].mu_star), general(o.morris[i].mu),
                        general(o.morris[i].sigma)});
  }
  out << table(rows, right, s.dimensions.size());
  for (const auto& o : s.outcomes)
    if (o.points_without_value > 0)
      out << "\n" << o.outcome << ": " << o.points_without_value
          << " design points have no value (every replicate failed), so its statistics are n/a.\n";
  return out.str();
}

}  // namespace sentra::experiments
