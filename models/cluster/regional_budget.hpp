#pragma once
// Each region's budget (regional autonomy, MODEL_NOTES §3): its own revenue (PAD: local levies
// and licence fees, less what leaks away) plus the central transfer (DAU), set once a year and
// spent on promotion, infrastructure and a cluster programme. What the spending buys is sized
// so that the first year's budget sustains the region's starting levers: a region whose
// levies, transfer or spending shares change moves its promotion, infrastructure and
// cluster information systems from there.
#include "engine/scheduler.hpp"
#include "models/cluster/world.hpp"

namespace sentra::cluster {

// Adds this month's levies to each region's levies_collected (after the month's phases).
void collect_levies(World& w, Scheduler& scheduler);

// Whether month t opens a new budget year (every 12 months, from month 12).
inline bool budget_due(std::int64_t t) { return t > 0 && t % 12 == 0; }

// Closes the budget year: sets each region's budget from what it collected, fixes the
// transfer and the reference budget in the first year, and updates promotion, the
// infrastructure stock and the cluster programme's coverage. Resets the collections.
void settle_budgets(World& w);

// Sets a regional lever as a scenario event does: the level the reference budget sustains,
// and the level in effect now.
void set_promotion(World& w, std::size_t r, double value);
void set_infrastructure(World& w, std::size_t r, double value);
void set_information_system(World& w, std::size_t r, double value);

}  // namespace sentra::cluster
