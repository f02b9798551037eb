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

// Bits of SmeStore::joint: the projects the firm joined at the last review, the benefits it
// holds until the next (those of its projects that succeeded, free riders included), and
// whether it free rode in any of them.
inline constexpr std::uint8_t joined_bit(std::size_t p) { return static_cast<std::uint8_t>(1u << p); }
inline constexpr std::uint8_t benefit_bit(std::size_t p) { return static_cast<std::uint8_t>(8u << p); }
inline constexpr std::uint8_t joined_any = 7, benefit_any = 56, free_rode = 64;

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

// What the firm's benefits save per unit of output this month (million IDR): the joint
// purchase's share of material cost and the shared facility's share of unit cost.
inline float joint_unit_saving(const World& w, std::size_t i, float unit_cost) {
  const auto bits = w.sme.joint[i];
  if (!(bits & (benefit_bit(0) | benefit_bit(2)))) return 0.f;
  float saving = 0.f;
  if (bits & benefit_bit(0))
    saving += w.cluster.jp_saving[static_cast<std::size_t>(w.sme.cluster[i])] * static_cast<float>(w.params.sme.material_cost);
  if (bits & benefit_bit(2)) saving += static_cast<float>(w.params.joint_action.sf_cost) * unit_cost;
  return saving;
}

// Quality the shared facility adds to what the firm offers this month.
inline float joint_quality_bonus(const World& w, std::size_t i) {
  return (w.sme.joint[i] & benefit_bit(2)) ? static_cast<float>(w.params.joint_action.sf_quality) : 0.f;
}

// Whether seller vertex v is an SME that holds a joint-marketing benefit.
inline bool jointly_marketed(const World& w, std::uint32_t v) {
  return v < w.net.space.smes && (w.sme.joint[v] & benefit_bit(1));
}

// The visibility V a seller has to buyers: jm_visibility for participants of a successful
// joint marketing project, 0 otherwise.
inline double joint_visibility(const World& w, std::uint32_t v) {
  return jointly_marketed(w, v) ? w.params.joint_action.jm_visibility : 0.0;
}

// Value added of SME i this month (million IDR): revenue less material and transport, net of
// what joint action saved it (as booked by sme_settle). The in-cluster premium and the
// calibration's GDP shares use it.
inline double sme_value_added(const World& w, std::size_t i) {
  const auto& s = w.sme;
  return double(s.revenue[i]) - w.params.sme.material_cost * s.planned_output[i] -
         double(transport_cost(w, s.region[i])) * s.sold[i] + double(s.joint_saving[i]);
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
