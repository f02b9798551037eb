#pragma once
// The calibration targets of the model and the comparison of a run against them.
//
// Targets come from the source study's Table 1 (2007 column; the 2008 column is shown beside
// it to check a run from 2007 against), the derived workers-per-unit table, the 1994
// partnership survey the study cites, the size-tail exponent implied by Table 1, and the
// survival of new micro firms. Tolerances are those the model issue sets.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "models/cluster/moments.hpp"

namespace sentra::cluster {

struct CalibrationCheck {
  std::string name;                 // e.g. "units share, micro"
  std::string unit;                 // "%", "pp", "workers", "fraction", ""
  double target = 0;
  double simulated = 0;
  double tolerance = 0;             // largest |simulated - target| that passes
  std::string source;               // where the target comes from
  std::optional<double> reference;  // a figure shown beside the target, not tested
  std::string reference_label;

  double error() const { return simulated - target; }
  bool within() const;
};

struct CalibrationRun {
  Moments first;                    // the first month of the run
  Moments last;                     // the end of the drift window
  std::int64_t first_step = 0, last_step = 0;
  // Survival of the first cohort of entrants, `survival_months` after their entry.
  std::int64_t cohort_step = -1;
  std::uint64_t cohort_born = 0, cohort_alive = 0;
  std::int64_t survival_months = 60;
};

std::vector<CalibrationCheck> calibration_checks(const CalibrationRun& run);

// Months of drift window the checks assume (shares must move < 1 pp over it).
inline constexpr std::int64_t drift_window_months = 24;

}  // namespace sentra::cluster
