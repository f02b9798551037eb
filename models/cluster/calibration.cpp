#include "models/cluster/calibration.hpp"

#include <array>
#include <cmath>
#include <limits>

namespace sentra::cluster {

namespace {

// Table 1 of the source study, shares in percent by class (micro, small, medium, large).
struct Breakdown {
  const char* name;
  std::array<double, 4> y2007, y2008;
  double tolerance;  // pp
};
constexpr Breakdown table1[] = {
    {"units share", {98.92, 0.99, 0.08, 0.01}, {98.90, 1.02, 0.08, 0.01}, 0.2},
    {"workers share", {90.78, 3.52, 2.97, 2.73}, {90.73, 3.64, 2.78, 2.85}, 2.0},
    {"GDP share", {32.29, 10.32, 13.67, 43.72}, {32.17, 10.07, 13.43, 44.33}, 2.0},
    {"non-oil exports share", {1.63, 3.98, 12.06, 82.34}, {1.67, 4.07, 12.35, 81.90}, 2.0},
};
// Workers per unit, 2007 (DIGEST.md, derived from Table 1).
constexpr std::array<double, 4> workers_per_unit = {1.7, 6.6, 72.1, 568.1};
constexpr const char* class_name[4] = {"micro", "small", "medium", "large"};
// Linkages among partnered small industries (1994 survey cited by the study), percent.
constexpr std::array<double, 5> linkage_share = {55.02, 44.42, 32.0, 28.0, 3.0};
constexpr const char* linkage_name[5] = {"marketing", "capital", "production", "raw material", "management"};

const std::array<double, 4>& breakdown_of(const Moments& m, std::size_t k) {
  switch (k) {
    case 0: return m.units;
    case 1: return m.workers;
    case 2: return m.value_added;
    default: return m.exports;
  }
}

}  // namespace

bool CalibrationCheck::within() const {
  return std::isfinite(simulated) && std::fabs(simulated - target) <= tolerance + 1e-12;
}

std::vector<CalibrationCheck> calibration_checks(const CalibrationRun& run) {
  std::vector<CalibrationCheck> out;
  const std::string when = " (month " + std::to_string(run.last_step) + ")";
  for (std::size_t k = 0; k < 4; ++k) {
    const auto& b = table1[k];
    for (int c = 0; c < 4; ++c) {
      CalibrationCheck x;
      x.name = std::string(b.name) + ", " + class_name[c] + when;
      x.unit = "%";
      x.target = b.y2007[std::size_t(c)];
      x.simulated = Moments::share(breakdown_of(run.last, k), c);
      x.tolerance = b.tolerance;
      x.source = "Table 1, 2007";
      x.reference = b.y2008[std::size_t(c)];
      x.reference_label = "2008";
      out.push_back(x);
    }
  }
  for (int c = 0; c < 4; ++c) {
    CalibrationCheck x;
    x.name = std::string("workers per unit, ") + class_name[c] + when;
    x.unit = "workers";
    x.target = workers_per_unit[std::size_t(c)];
    const double units = run.last.units[std::size_t(c)];
    x.simulated = units > 0 ? run.last.workers[std::size_t(c)] / units : 0.0;
    x.tolerance = 0.15 * x.target;
    x.source = "Table 1, 2007 (derived)";
    out.push_back(x);
  }
  {
    CalibrationCheck x;
    x.name = "small firms with a big-firm partner" + when;
    x.unit = "%";
    x.target = 6.0;
    x.simulated = run.last.small_firms > 0 ? 100.0 * run.last.small_partnered / run.last.small_firms : 0.0;
    x.tolerance = 1.5;
    x.source = "1994 survey cited by the study";
    out.push_back(x);
  }
  for (std::size_t k = 0; k < 5; ++k) {
    CalibrationCheck x;
    x.name = std::string("partnered firms with a ") + linkage_name[k] + " linkage" + when;
    x.unit = "%";
    x.target = linkage_share[k];
    x.simulated = run.last.partnered > 0 ? 100.0 * run.last.linkage[k] / run.last.partnered : 0.0;
    // A few hundred partnered firms at the default scale: +-10 pp is about 3 sampling s.d.
    x.tolerance = 10.0;
    x.source = "1994 survey cited by the study";
    out.push_back(x);
  }
  {
    CalibrationCheck x;
    x.name = "size-tail exponent, 20 to 100 workers" + when;
    x.target = std::log(42745.0 / 4463.0) / std::log(5.0);
    x.simulated = run.last.tail_exponent();
    x.tolerance = 0.25;
    x.source = "Table 1, 2007: ln(42,745 / 4,463) / ln 5";
    x.reference = 1.0;
    x.reference_label = "Axtell 2001, US";
    out.push_back(x);
  }
  {
    CalibrationCheck x;
    x.name = std::to_string(run.survival_months / 12) + "-year survival of new micro firms";
    x.unit = "fraction";
    x.target = 0.5;
    x.simulated = run.cohort_born > 0 ? double(run.cohort_alive) / double(run.cohort_born)
                                      : std::numeric_limits<double>::quiet_NaN();
    x.tolerance = 0.1;
    x.source = "US BDS (51% at 5 years); Jepara: ~20% fail within 3 years";
    out.push_back(x);
  }
  {
    CalibrationCheck x;
    x.name = "producer share of the final price, sales through traders" + when;
    x.unit = "%";
    x.target = 60.0;
    x.simulated = run.last.trader_resale > 0 ? 100.0 * run.last.trader_purchases / run.last.trader_resale : 0.0;
    x.tolerance = 10.0;
    x.source = "assumed range 50-70% (no Indonesian figure found; MODEL_NOTES)";
    out.push_back(x);
  }
  for (std::size_t k = 0; k < 4; ++k) {
    double worst = 0;
    for (int c = 0; c < 4; ++c) {
      const double d = Moments::share(breakdown_of(run.last, k), c) - Moments::share(breakdown_of(run.first, k), c);
      if (std::fabs(d) > std::fabs(worst)) worst = d;
    }
    CalibrationCheck x;
    x.name = std::string("largest drift of ") + table1[k].name + ", month " + std::to_string(run.first_step) + " to " +
             std::to_string(run.last_step);
    x.unit = "pp";
    x.target = 0.0;
    x.simulated = worst;
    x.tolerance = 1.0;
    x.source = "stationary baseline without shocks";
    out.push_back(x);
  }
  return out;
}

}  // namespace sentra::cluster
