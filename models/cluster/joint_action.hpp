#pragma once
// Joint action in clusters (Schmitz's collective efficiency): joint purchasing (JP), joint
// marketing or a trade fair (JM) and a shared facility (SF). At each cluster review, right
// after social capital is measured, every live member decides which projects to join, each
// participant may free ride, and a project succeeds when enough firms join and few enough
// defect. Its participants hold the benefit until the next review; every outcome moves trust
// on the ties between co-participants. The rules are below as small functions so tests can
// pin them; the review itself is in joint_action.cpp.
#include <algorithm>
#include <cmath>
#include <cstdint>

#include "engine/scheduler.hpp"
#include "models/cluster/phases.hpp"
#include "models/cluster/world.hpp"

namespace sentra::cluster {

enum class Project : std::uint8_t { purchasing = 0, marketing = 1, facility = 2 };
inline constexpr std::size_t projects = 3;

// SmeStore::joint, one byte per firm (memory counts at 10^7 firms):
//   bits 0-2  benefits decided at the review before the latest (project p: bit p);
//   bits 3-5  benefits decided at the latest review (bit 3 + p): those of its projects that
//             succeeded, free riders included;
//   bit 6     joined a project at the latest review;   bit 7  free rode in one.
// The review runs after the month's accounts are settled, so in the review month itself the
// previous review's benefits are still the ones that acted: benefits() picks the set by month.
inline constexpr std::uint8_t benefit_bit(std::size_t p) { return static_cast<std::uint8_t>(8u << p); }
inline constexpr std::uint8_t benefit_any = 56, joined_any = 64, free_rode = 128;

// The benefits firm i holds in `month` (bit p: project p). Without a month: w.step, which is
// the month being run while the phases run (and the month observed while observe() runs).
inline unsigned benefits(const World& w, std::size_t i, std::int64_t month) {
  const unsigned b = w.sme.joint[i];
  return month > w.cluster.last_review ? (b >> 3) & 7u : b & 7u;
}
inline unsigned benefits(const World& w, std::size_t i) { return benefits(w, i, w.step); }

// Share of material cost cluster c's joint purchase saves in `month`.
inline float purchase_saving_held(const World& w, std::size_t c, std::int64_t month) {
  return month > w.cluster.last_review ? w.cluster.jp_saving[c] : w.cluster.jp_saving_before[c];
}

// Whether a firm joins a project: its mean trust reaches T_min, the gain it expects (the
// gain if the project succeeds, times its trust that mates cooperate) exceeds the fee, and
// it can pay the fee from its net worth.
inline bool joins(double mean_trust, double gain, double fee, double net_worth, double trust_min) {
  return mean_trust >= trust_min && mean_trust * gain - fee > 0 && net_worth >= fee;
}

// P(free ride) = psi·(1 − own mean trust)·(1 − the cluster's norm).
inline double defection_probability(double psi, double mean_trust, double norm) {
  return std::clamp(psi * (1.0 - mean_trust) * (1.0 - norm), 0.0, 1.0);
}

// A project succeeds with at least n_min participants of whom fewer than `limit` defect.
inline bool project_succeeds(std::uint32_t participants, std::uint32_t defectors, std::int64_t n_min, double limit) {
  return participants > 0 && std::int64_t(participants) >= n_min && double(defectors) < limit * double(participants);
}

// Share of the material cost a joint purchase of n firms saves: delta_JP·min(1, n/full size).
inline double purchase_saving(double discount, double full_size, std::uint32_t n) {
  return discount * std::min(1.0, full_size > 0 ? double(n) / full_size : 1.0);
}

// What the firm's benefits save per unit of output in `month` (million IDR): the joint
// purchase's share of material cost and the shared facility's share of unit cost.
inline float joint_unit_saving(const World& w, std::size_t i, float unit_cost, std::int64_t month) {
  const auto held = benefits(w, i, month);
  if (!(held & 5u)) return 0.f;
  float saving = 0.f;
  if (held & 1u)
    saving += purchase_saving_held(w, static_cast<std::size_t>(w.sme.cluster[i]), month) * static_cast<float>(material_cost(w));
  if (held & 4u) saving += static_cast<float>(w.params.joint_action.sf_cost) * unit_cost;
  return saving;
}
inline float joint_unit_saving(const World& w, std::size_t i, float unit_cost) { return joint_unit_saving(w, i, unit_cost, w.step); }

// Quality the shared facility adds to what the firm offers this month.
inline float joint_quality_bonus(const World& w, std::size_t i) {
  return (benefits(w, i) & 4u) ? static_cast<float>(w.params.joint_action.sf_quality) : 0.f;
}

// Whether seller vertex v is an SME that holds a joint-marketing benefit this month.
inline bool jointly_marketed(const World& w, std::uint32_t v) {
  return v < w.net.space.smes && (benefits(w, v) & 2u);
}

// The visibility V a seller has to buyers: jm_visibility for participants of a successful
// joint marketing project, 0 otherwise.
inline double joint_visibility(const World& w, std::uint32_t v) {
  return jointly_marketed(w, v) ? w.params.joint_action.jm_visibility : 0.0;
}

// Value added of SME i in `month`, the last month run (million IDR): revenue less material
// and transport, net of what joint action saved it, as sme_settle booked it. The in-cluster
// premium and the calibration's GDP shares use it.
inline double sme_value_added(const World& w, std::size_t i, std::int64_t month) {
  const auto& s = w.sme;
  const auto r = s.region[i];
  const double saving = double(joint_unit_saving(w, i, sme_unit_cost(w, r), month)) * s.planned_output[i];
  return double(s.revenue[i]) - material_cost(w) * s.planned_output[i] -
         double(transport_cost(w, r)) * s.sold[i] + saving;
}

// The in-cluster premium: the geometric mean of value added over live clustered SMEs / the
// same over live non-clustered SMEs (firms with positive value added; 0 when a group has
// none). Geometric, so that every firm counts alike: in an arithmetic mean a handful of
// medium firms carry the sum, and one of them exiting would move the premium more than
// joint action does. A deterministic reduction, the same at any thread count. Its growth
// since month 0 is the in-cluster growth premium.
double cluster_premium(const World& w, Scheduler& scheduler);

// The review: decisions, defections, outcomes, fees, benefits and trust, cluster by cluster
// in parallel (each writes only its members' slots and ties). Reads w.cluster's social
// capital, so measure_social_capital must have run this month. Random draws: stream
// joint_action, keyed by the firm's uid, one value per project at (step, phase, project).
void review_joint_action(World& w, Scheduler& scheduler, std::uint64_t step, std::uint32_t phase);

}  // namespace sentra::cluster
