#pragma once
// What the calibration compares with the source study, measured on a world at the end of a
// month (after Simulation::step): Table 1's four breakdowns by size class (business units,
// workers, value added, non-oil exports), workers per unit, the partnered share of small
// firms and the linkage mix of partnered firms, and the firm-size tail. "Large" is SMEs
// grown to 100+ workers plus big firms, as Table 1's large column counts all large firms.
#include <array>
#include <cstdint>
#include <vector>

#include "models/cluster/world.hpp"

namespace sentra::cluster {

struct Moments {
  // Sums by size class (index: SizeClass), live firms only.
  std::array<double, 4> units{};
  std::array<double, 4> workers{};
  std::array<double, 4> value_added{};  // million IDR this month: revenue - material - transport
  std::array<double, 4> exports{};      // million IDR this month
  double small_firms = 0;
  double small_partnered = 0;           // small SMEs with at least one partnership
  double partnered = 0;                 // SMEs of any class with at least one partnership
  std::array<double, 5> linkage{};      // of those, how many have each linkage (Linkage bit order)
  double at_least_20 = 0;               // firms with >= 20 workers (SMEs and big firms)
  double at_least_100 = 0;              // firms with >= 100 workers
  double trader_purchases = 0;          // million IDR traders paid SMEs this month
  double trader_resale = 0;             // million IDR buyers paid traders for those goods

  // Share of class c in a breakdown, in percent.
  static double share(const std::array<double, 4>& by_class, int c);
  // Pareto exponent of the size distribution between 20 and 100 workers:
  // ln(N(>=20) / N(>=100)) / ln 5 (0 when either count is 0).
  double tail_exponent() const;
};

Moments measure_moments(const World& w);

// A cohort: the ids (uid, ascending) of the firms born in one month that were of class `cls`
// then. Dead firms leave the stores at compaction, so a cohort is taken right after its entry
// and its survivors counted later by id.
std::vector<std::uint32_t> cohort(const World& w, std::int64_t birth_step, SizeClass cls);
std::uint64_t count_alive(const World& w, const std::vector<std::uint32_t>& uids);

}  // namespace sentra::cluster
