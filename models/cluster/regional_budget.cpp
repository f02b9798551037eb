#include "models/cluster/regional_budget.hpp"

#include <algorithm>

#include "engine/reduce.hpp"

namespace sentra::cluster {

namespace {

struct RegionLevies {
  std::vector<double> sum;
  RegionLevies& operator+=(const RegionLevies& o) {
    for (std::size_t r = 0; r < sum.size(); ++r) sum[r] += o.sum[r];
    return *this;
  }
};

// This year's share of the budget for an item over the first year's: what scales its
// spending. An item the first budget spent nothing on is not budget-funded (ratio 1).
double share_ratio(double share, double reference) { return reference > 0 ? share / reference : 1.0; }

}  // namespace

void collect_levies(World& w, Scheduler& scheduler) {
  const auto R = w.region.size();
  const auto& s = w.sme;
  // Per-region sums in a fixed order of blocks: bit-identical at any thread count.
  const auto step = static_cast<std::int32_t>(w.step);
  const auto levies = deterministic_reduce(scheduler, s.size(), RegionLevies{std::vector<double>(R, 0.0)},
                                           [&](std::size_t b, std::size_t e) {
                                             RegionLevies acc{std::vector<double>(R, 0.0)};
                                             for (std::size_t i = b; i < e; ++i)
                                               // Firms that exited in an earlier month still hold their last levy.
                                               if (s.alive[i] || s.exit_step[i] == step) acc.sum[s.region[i]] += s.levy_paid[i];
                                             return acc;
                                           });
  for (std::size_t r = 0; r < R; ++r) w.region.levies_collected[r] += levies.sum[r];
}

void settle_budgets(World& w) {
  const auto& p = w.params.policy;
  auto& g = w.region;
  const auto R = g.size();
  std::vector<double> clustered(R, 0.0);
  for (std::size_t i = 0; i < w.sme.size(); ++i)
    if (w.sme.alive[i] && w.sme.cluster[i] >= 0) clustered[w.sme.region[i]] += 1.0;
  const bool first = !w.budget_settled;
  if (first) {
    w.promotion_share_reference = p.budget_share_promotion;
    w.infrastructure_share_reference = p.budget_share_infrastructure;
    w.budget_settled = true;
  }
  for (std::size_t r = 0; r < R; ++r) {
    const double own = g.levies_collected[r] + g.fees_collected[r];
    if (first) g.transfer[r] = p.central_transfer * own;
    g.revenue[r] = own;
    g.budget[r] = (1.0 - p.levy_leakage) * own + g.transfer[r];
    if (first) g.budget_reference[r] = g.budget[r];
    g.levies_collected[r] = 0.0;
    g.fees_collected[r] = 0.0;

    // Spending relative to what the first budget spent on the same item (at the starting
    // shares) scales what it buys.
    const double scale = g.budget_reference[r] > 0 ? g.budget[r] / g.budget_reference[r] : 1.0;
    g.promotion[r] = static_cast<float>(g.promotion_base[r] * scale *
                                        share_ratio(p.budget_share_promotion, w.promotion_share_reference));
    // The stock depreciates and is rebuilt by this year's spending: at the reference
    // spending it stays at its base level.
    const double infra = scale * share_ratio(p.budget_share_infrastructure, w.infrastructure_share_reference);
    g.infrastructure[r] = static_cast<float>((1.0 - p.infrastructure_depreciation) * g.infrastructure[r] +
                                             p.infrastructure_depreciation * g.infrastructure_base[r] * infra);
    // The cluster programme pays for open information systems, firm by firm.
    const double programme = p.budget_share_cluster_programme * g.budget[r];
    g.programme_coverage[r] = clustered[r] > 0
                                  ? static_cast<float>(std::min(1.0, programme / (p.cluster_programme_cost * clustered[r])))
                                  : 0.f;
    g.information_system[r] = std::max(g.information_system_lever[r], g.programme_coverage[r]);
  }
}

void set_promotion(World& w, std::size_t r, double value) {
  w.region.promotion_base[r] = static_cast<float>(value);
  w.region.promotion[r] = static_cast<float>(value);
}

void set_infrastructure(World& w, std::size_t r, double value) {
  w.region.infrastructure_base[r] = static_cast<float>(value);
  w.region.infrastructure[r] = static_cast<float>(value);
}

void set_information_system(World& w, std::size_t r, double value) {
  w.region.information_system_lever[r] = static_cast<float>(value);
  w.region.information_system[r] = std::max(static_cast<float>(value), w.region.programme_coverage[r]);
}

}  // namespace sentra::cluster
