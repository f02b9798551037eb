// The joint-action review (rules in joint_action.hpp). For each cluster, at the end of a
// review month:
//  1. each live member's mean trust T̄_i over its ties to live mates;
//  2. the gain each project would bring it until the next review, if it succeeds:
//       JP: delta_JP·min(1, n_e/full)·material·Y_i·months   (n_e: members with T̄ ≥ T_min)
//       JM: (exp(beta_V·V) − 1)·direct sales_i·mu_i/(1 + mu_i)·months   (more orders from the
//           buyers who see it, at its margin)
//       SF: sf_cost·c_r·Y_i·months
//     and it joins when T̄_i ≥ T_min, T̄_i·gain > fee and its net worth covers the fees;
//  3. each participant free rides with probability psi·(1 − T̄_i)·(1 − norm_c), one draw per
//     project, so the same firm meets the same numbers in every scenario (common random numbers);
//  4. a project succeeds with n ≥ n_min and fewer than defection_limit·n free riders;
//  5. cooperators pay the fee from net worth (free riders pay nothing); every participant of a
//     successful project, free riders included, holds its benefit until the next review;
//  6. trust on each tie between two participants of a project follows the mate's conduct:
//     cooperated T += rho+·(1 − T), free rode T −= rho−·T (social.trust_gain, trust_loss).
// Costs are real and benefits temporary, so joint action pays only where trust makes it work.
#include <array>
#include <cmath>

#include "engine/random.hpp"
#include "engine/reduce.hpp"
#include "models/cluster/joint_action.hpp"
#include "models/cluster/phases.hpp"
#include "models/cluster/social_capital.hpp"
#include "models/cluster/streams.hpp"

namespace sentra::cluster {

namespace {

// The review's scratch per firm: projects joined (bits 0-2) and free ridden (bits 3-5).
inline constexpr std::uint8_t joined_bit(std::size_t p) { return static_cast<std::uint8_t>(1u << p); }
inline constexpr std::uint8_t defected_bit(std::size_t p) { return static_cast<std::uint8_t>(8u << p); }

}  // namespace

void review_joint_action(World& w, Scheduler& scheduler, std::uint64_t step, std::uint32_t phase) {
  size_cluster_store(w);
  const auto& P = w.params;
  const auto& J = P.joint_action;
  auto& s = w.sme;
  auto& cs = w.cluster;
  // The benefits of the last review acted this month and end with it: they become the
  // previous set (joint_action.hpp), and this review decides the new one.
  scheduler.for_each(s.size(), [&](std::size_t i) { s.joint[i] = static_cast<std::uint8_t>((s.joint[i] >> 3) & 7u); });
  cs.jp_saving_before.swap(cs.jp_saving);
  std::fill(cs.jp_saving.begin(), cs.jp_saving.end(), 0.f);
  std::fill(cs.participants.begin(), cs.participants.end(), 0u);
  std::fill(cs.defectors.begin(), cs.defectors.end(), 0u);
  std::fill(cs.succeeded.begin(), cs.succeeded.end(), std::uint8_t{0});
  cs.last_review = static_cast<std::int64_t>(step);
  if (!J.enabled) return;

  const auto members = cluster_members(w);
  const double months = double(P.clusters.review_every);
  const std::int64_t n_min[projects] = {J.min_participants_jp, J.min_participants_jm, J.min_participants_sf};
  // Fees are set per year; a review commits the firm for review_every months.
  const double fee[projects] = {J.fee_jp * months / 12.0, J.fee_jm * months / 12.0, J.fee_sf * months / 12.0};
  const double marketing_uplift = std::exp(P.buyers.visibility_weight * J.jm_visibility) - 1.0;
  const auto gain_up = static_cast<float>(P.social.trust_gain);
  const auto loss = static_cast<float>(P.social.trust_loss);

  scheduler.for_each(static_cast<std::size_t>(w.clusters), [&](std::size_t c) {
    const auto mem = members.of(c);
    const auto cluster = static_cast<std::int32_t>(c);
    // Scratch reused across clusters on this thread, by local id: mean trust, and the
    // projects joined (bits 0-2) and free ridden (bits 3-5).
    thread_local LocalIds local;
    thread_local std::vector<double> mean_trust;
    thread_local std::vector<std::uint8_t> act;
    local.assign(mem);
    mean_trust.assign(mem.size(), 0.0);
    act.assign(mem.size(), 0);
    std::uint32_t eligible = 0;
    for (std::size_t k = 0; k < mem.size(); ++k) {
      double trust = 0, ties = 0;
      w.net.social.for_out(mem[k], [&](std::uint32_t, std::uint32_t j, const SocialEdge& tie) {
        if (!s.alive[j] || s.cluster[j] != cluster) return;
        trust += tie.trust;
        ties += 1;
      });
      mean_trust[k] = ties > 0 ? trust / ties : 0.0;
      eligible += mean_trust[k] >= J.trust_min;
    }
    const double expected_saving = purchase_saving(J.jp_discount, J.jp_full_size, eligible);

    std::uint32_t part[projects] = {}, def[projects] = {};
    for (std::size_t k = 0; k < mem.size(); ++k) {
      if (mean_trust[k] < J.trust_min) continue;  // joins nothing, whatever the gain
      const auto i = mem[k];
      const double output = s.planned_output[i];
      const double direct = sales_orders_to(w, i).total * w.fill_ratio[i] * w.offer_price[i];
      const double gain[projects] = {
          expected_saving * material_cost(w) * output * months,
          marketing_uplift * direct * s.markup[i] / (1.0 + s.markup[i]) * months,
          J.sf_cost * double(sme_unit_cost(w, s.region[i])) * output * months};
      std::uint8_t bits = 0;
      double worth = s.net_worth[i];
      for (std::size_t p = 0; p < projects; ++p) {
        if (!joins(mean_trust[k], gain[p], fee[p], worth, J.trust_min)) continue;
        bits |= joined_bit(p);
        worth -= fee[p];
      }
      if (!bits) continue;
      const double defect = defection_probability(J.defection, mean_trust[k], cs.norm[c]);
      for (std::size_t p = 0; p < projects; ++p) {
        if (!(bits & joined_bit(p))) continue;
        ++part[p];
        const double u = RandomStream::to_uniform(RandomStream::bits_at(P.seed, stream::joint_action, s.uid[i], step, phase, p));
        if (u < defect) {
          bits |= defected_bit(p);
          ++def[p];
        }
      }
      act[k] = bits;
    }
    bool success[projects];
    for (std::size_t p = 0; p < projects; ++p) success[p] = project_succeeds(part[p], def[p], n_min[p], J.defection_limit);

    for (std::size_t k = 0; k < mem.size(); ++k) {
      const auto i = mem[k];
      const auto a = act[k];
      if (!a) continue;
      auto held = static_cast<std::uint8_t>(s.joint[i] | joined_any);  // keeps the previous set in bits 0-2
      for (std::size_t p = 0; p < projects; ++p) {
        if (!(a & joined_bit(p))) continue;
        if (!(a & defected_bit(p))) s.net_worth[i] -= fee[p];
        else held |= free_rode;
        if (success[p]) held |= benefit_bit(p);
      }
      s.joint[i] = held;
      // Trust follows each co-participant's conduct, once per project shared.
      w.net.social.for_out_mut(i, [&](std::uint32_t, std::uint32_t j, SocialEdge& tie) {
        if (!s.alive[j] || s.cluster[j] != cluster) return;
        const auto b = act[local[j]];
        for (std::size_t p = 0; p < projects; ++p) {
          if (!(a & b & joined_bit(p))) continue;
          if (b & defected_bit(p)) tie.trust -= loss * tie.trust;
          else tie.trust += gain_up * (1.f - tie.trust);
        }
      });
    }

    for (std::size_t p = 0; p < projects; ++p) {
      cs.participants[c * projects + p] = part[p];
      cs.defectors[c * projects + p] = def[p];
      cs.succeeded[c * projects + p] = success[p];
    }
    cs.jp_saving[c] = success[0] ? static_cast<float>(purchase_saving(J.jp_discount, J.jp_full_size, part[0])) : 0.f;
  }, 16);
}

double cluster_premium(const World& w, Scheduler& scheduler) {
  const auto& s = w.sme;
  struct Sums {  // clustered firms, the sum of their ln(value added), other firms, theirs
    std::array<double, 4> v{};
    Sums& operator+=(const Sums& o) {
      for (std::size_t k = 0; k < 4; ++k) v[k] += o.v[k];
      return *this;
    }
  };
  const Sums z = deterministic_reduce(scheduler, s.size(), Sums{}, [&](std::size_t b, std::size_t e) {
    Sums a;
    for (std::size_t i = b; i < e; ++i) {
      if (!s.alive[i]) continue;
      const double va = sme_value_added(w, i, w.step);
      if (va <= 0) continue;
      const std::size_t k = s.cluster[i] >= 0 ? 0 : 2;
      a.v[k] += 1;
      a.v[k + 1] += std::log(va);
    }
    return a;
  });
  if (z.v[0] <= 0 || z.v[2] <= 0) return 0.0;
  return std::exp(z.v[1] / z.v[0] - z.v[3] / z.v[2]);
}

void joint_action(World& w, const PhaseContext& ctx) {
  if (!review_month(w, ctx.step)) return;
  // The premium's reference: month 0, before any project acts (recorded with or without joint action).
  if (ctx.step == 0) w.cluster.premium_start = cluster_premium(w, ctx.scheduler);
  review_joint_action(w, ctx.scheduler, ctx.step, ctx.phase);
}

}  // namespace sentra::cluster
