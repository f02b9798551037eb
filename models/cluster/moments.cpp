#include "models/cluster/moments.hpp"

#include <algorithm>
#include <cmath>

#include "models/cluster/joint_action.hpp"
#include "models/cluster/phases.hpp"

namespace sentra::cluster {

double Moments::share(const std::array<double, 4>& by_class, int c) {
  const double total = by_class[0] + by_class[1] + by_class[2] + by_class[3];
  return total > 0 ? 100.0 * by_class[std::size_t(c)] / total : 0.0;
}

double Moments::tail_exponent() const {
  if (at_least_20 <= 0 || at_least_100 <= 0) return 0.0;
  return std::log(at_least_20 / at_least_100) / std::log(5.0);
}

// Sequential on purpose: this runs once per observed month, far from the hot path, and a
// fixed order keeps the sums bit-identical whatever the thread count.
Moments measure_moments(const World& w) {
  Moments m;
  const auto& s = w.sme;
  const double material = material_cost(w);
  for (std::uint32_t i = 0; i < s.size(); ++i) {
    if (!s.alive[i]) continue;
    const auto c = std::size_t(size_class(s.employment[i]));
    m.units[c] += 1;
    m.workers[c] += s.employment[i];
    m.value_added[c] += sme_value_added(w, i, w.step - 1);  // w.step is the next month; net of joint-action savings
    m.exports[c] += s.exports[i];
    if (s.employment[i] >= 19.5f) m.at_least_20 += 1;
    if (s.employment[i] >= 99.5f) m.at_least_100 += 1;
    std::uint8_t links = 0;
    bool has_partner = false;
    w.net.partnership.for_in(i, [&](std::uint32_t, std::uint32_t, const PartnershipEdge& e) {
      has_partner = true;
      links |= e.linkages;
    });
    if (c == std::size_t(SizeClass::small)) {
      m.small_firms += 1;
      m.small_partnered += has_partner;
    }
    if (has_partner) {
      m.partnered += 1;
      for (std::size_t k = 0; k < 5; ++k) m.linkage[k] += (links >> k) & 1u;
    }
  }
  const auto& b = w.big_firm;
  constexpr auto large = std::size_t(SizeClass::large);
  for (std::uint32_t k = 0; k < b.size(); ++k) {
    const double transport = transport_cost(w, b.region[k]);
    m.units[large] += 1;
    m.workers[large] += b.employment[k];
    m.value_added[large] += double(b.revenue[k]) - (material + transport) * b.sold[k];
    m.exports[large] += b.exports[k];
    if (b.employment[k] >= 19.5f) m.at_least_20 += 1;
    if (b.employment[k] >= 99.5f) m.at_least_100 += 1;
  }
  for (std::size_t k = 0; k < w.intermediary.size(); ++k) {
    m.trader_purchases += w.intermediary.purchase_cost[k];
    m.trader_resale += w.intermediary.resale_revenue[k];
  }
  return m;
}

std::vector<std::uint32_t> cohort(const World& w, std::int64_t birth_step, SizeClass cls) {
  std::vector<std::uint32_t> uids;
  for (std::uint32_t i = 0; i < w.sme.size(); ++i)
    if (w.sme.birth_step[i] == birth_step && size_class(w.sme.employment[i]) == cls) uids.push_back(w.sme.uid[i]);
  std::sort(uids.begin(), uids.end());
  return uids;
}

std::uint64_t count_alive(const World& w, const std::vector<std::uint32_t>& uids) {
  std::uint64_t n = 0;
  for (std::uint32_t i = 0; i < w.sme.size(); ++i)
    if (w.sme.alive[i] && std::binary_search(uids.begin(), uids.end(), w.sme.uid[i])) ++n;
  return n;
}

}  // namespace sentra::cluster
