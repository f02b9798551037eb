// Production planning: unit cost, asking price and planned output of SMEs (with unreliable
// raw-material supply) and big firms.
#include <algorithm>

#include "engine/random.hpp"
#include "models/cluster/joint_action.hpp"
#include "models/cluster/phases.hpp"
#include "models/cluster/strategy.hpp"
#include "models/cluster/streams.hpp"

namespace sentra::cluster {

void sme_plan(World& w, const PhaseContext& ctx) {
  const auto& p = w.params.sme;
  auto& s = w.sme;
  ctx.scheduler.for_each(s.size(), [&](std::size_t i) {
    // Exited firms, and formal entrants still waiting for their licence, offer nothing.
    if (!s.alive[i] || !may_sell(w, i, ctx.step)) {
      w.offer_capacity[i] = 0.f;
      w.offer_price[i] = 0.f;
      s.planned_output[i] = 0.f;
      return;
    }
    const auto r = s.region[i];
    const float cost = sme_unit_cost(w, r);
    // A firm learning a new line (diversification, strategy.hpp) makes less with the same workers.
    const float capacity = s.productivity[i] * s.employment[i] * learning_factor(w, i);
    float planned = std::min(capacity, s.expected_demand[i] * static_cast<float>(1.0 + p.output_buffer));
    // Raw material comes unreliably, less so where infrastructure is better: in a month it
    // runs short the firm makes only part of what it planned.
    RandomStream rng(w.params.seed, stream::material_supply, s.uid[i], ctx.step, ctx.phase);
    if (rng.bernoulli(p.material_shortfall / (1.0 + w.region.infrastructure[r])))
      planned *= static_cast<float>(1.0 - p.material_shortfall_depth);
    s.planned_output[i] = planned;
    w.offer_price[i] = (1.f + s.markup[i]) * cost;
    // A shared facility improves what the firm offers (joint_action.hpp). Its cost saving, like
    // a joint purchase's, is kept as margin: the firm prices on its region's cost (see
    // sme_settlement.cpp).
    w.offer_quality[i] = std::min(1.f, s.quality[i] + joint_quality_bonus(w, i));
    w.offer_capacity[i] = planned;
  });
}

void big_firm_plan(World& w, const PhaseContext& ctx) {
  const auto& p = w.params;
  auto& b = w.big_firm;
  const auto base = w.net.space.big_firm_offset();
  ctx.scheduler.for_each(b.size(), [&](std::size_t k) {
    const auto r = b.region[k];
    const float cost = sme_unit_cost(w, r);  // the same cost per unit as an SME of the region
    b.unit_cost[k] = cost;
    b.planned_output[k] = b.productivity[k] * b.employment[k];
    w.offer_price[base + k] = static_cast<float>(1.0 + p.big_firms.markup) * cost;
    w.offer_quality[base + k] = static_cast<float>(p.big_firms.quality);
    w.offer_capacity[base + k] = b.planned_output[k];
  }, 64);
}

}  // namespace sentra::cluster
