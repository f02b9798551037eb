#include "models/cluster/partnership_formation.hpp"

#include <algorithm>
#include <cmath>

#include "engine/compaction.hpp"
#include "engine/message_buckets.hpp"
#include "engine/random.hpp"
#include "models/cluster/partnership_patterns.hpp"
#include "models/cluster/phases.hpp"
#include "models/cluster/streams.hpp"
#include "models/cluster/world_builder.hpp"

namespace sentra::cluster {

namespace {

struct Offer {
  float score;
};

// Rounds of offers at one boundary (a big firm whose offer lost to another firm's tries again).
constexpr std::uint32_t formation_rounds = 4;

// Whether SME j would take (or keep) a partnership on these terms: a buying pattern must
// pay at least what its goods cost it under the contract (price per unit from
// `unit_price`); a franchise must leave it a profit (its last month's profit, royalty paid,
// not negative).
bool terms_hold(const World& w, std::uint32_t j, const PartnershipEdge& e, double unit_price) {
  if (pattern_buys(e.pattern)) return unit_price >= contract_unit_cost(w, j, e);
  if (e.pattern == PartnershipPattern::franchise) return w.sme.profit[j] >= 0.f;
  return true;
}

}  // namespace

std::vector<std::uint8_t> partnerships_to_end(const World& w) {
  const auto& q = w.params.partnership;
  const auto& s = w.sme;
  std::vector<std::uint8_t> ended(w.net.partnership.edges(), 0);
  // Mean ask of each region's live SMEs: the going price a cheaper bid would undercut.
  std::vector<double> ask(w.region.size(), 0.0), n(w.region.size(), 0.0);
  for (std::uint32_t j = 0; j < s.size(); ++j)
    if (s.alive[j] && w.offer_capacity[j] > 0.f) {
      ask[s.region[j]] += w.offer_price[j];
      n[s.region[j]] += 1;
    }
  for (std::uint32_t k = 0; k < w.big_firm.size(); ++k)
    w.net.partnership.for_out(w.net.space.big_firm_offset() + k, [&](std::uint32_t e, std::uint32_t j, const PartnershipEdge& p) {
      if (!s.alive[j]) return;  // dropped with the firm anyway
      const auto r = s.region[j];
      const bool distrust = p.trust < q.trust_min;
      const bool holdup = p.pattern == PartnershipPattern::subcontracting && p.trust < q.holdup_trust && n[r] > 0 &&
                          w.offer_capacity[j] > 0.f && w.offer_price[j] > ask[r] / n[r];
      const bool terms_fail = !terms_hold(w, j, p, w.partner_price[e]);
      ended[e] = distrust || holdup || terms_fail;
    });
  return ended;
}

std::vector<NetworkLayer<PartnershipEdge>::Edge> form_partnerships(const World& w, Scheduler& scheduler,
                                                                   const VertexSpace& old_space,
                                                                   std::span<const std::uint32_t> old_to_new,
                                                                   const VertexSpace& new_space,
                                                                   std::span<const std::uint8_t> ended) {
  const auto& p = w.params;
  const auto& s = w.sme;
  const std::uint32_t K = old_space.big_firms;
  std::vector<NetworkLayer<PartnershipEdge>::Edge> added;
  if (K == 0) return added;

  const auto class_of = [&](std::uint32_t j) { return std::min<std::size_t>(2, static_cast<std::size_t>(size_class(s.employment[j]))); };
  // Partners each big firm keeps (those that survived), by their class now, and which SMEs
  // already have one.
  std::vector<std::uint32_t> kept(std::size_t(K) * 3, 0);
  std::vector<std::uint8_t> partnered(new_space.smes, 0);  // has a partner, or just lost one
  for (std::uint32_t k = 0; k < K; ++k)
    w.net.partnership.for_out(old_space.big_firm_offset() + k, [&](std::uint32_t e, std::uint32_t j, const PartnershipEdge&) {
      const auto now = old_to_new[j];
      if (now == removed_id) return;
      partnered[now] = 1;
      if (!ended[e]) ++kept[std::size_t(k) * 3 + class_of(now)];
    });
  // Offers go out in rounds: an SME that receives several takes the best, so a big firm
  // whose offer was declined that way offers again, to other candidates, in the next round.
  for (std::uint32_t round = 0; round < formation_rounds; ++round) {
    // Candidates by class: live SMEs without a partner, in id order.
    std::vector<std::uint32_t> candidates[3];
    for (std::uint32_t j = 0; j < new_space.smes; ++j)
      if (s.alive[j] && !partnered[j]) candidates[class_of(j)].push_back(j);

    // Offers: each big firm in parallel, posting to the SMEs it chose. A firm replaces the
    // partners it lost class by class, so the mix of partners' sizes stays as it started.
    MessageBuckets<Offer> offers;
    std::uint32_t sought = 0;
    std::vector<std::uint32_t> seeking(K, 0);
    scheduler.for_each(K, [&](std::size_t k) {
      RandomStream rng(p.seed, stream::partner_offers, k, static_cast<std::uint64_t>(w.step), round);
      std::uint32_t rank = 0;
      for (std::size_t c = 0; c < 3; ++c) {
        const auto target = static_cast<std::uint32_t>(
            std::llround(double(w.big_firm.partners_initial[k * 3 + c]) * p.big_firms.partnership_programme));
        const auto have = kept[k * 3 + c];
        const auto& from = candidates[c];
        if (target <= have || from.empty()) continue;
        const std::uint32_t seek = target - have;
        const auto screened = std::min<std::size_t>(from.size(), std::size_t(seek) * std::size_t(p.big_firms.partner_candidates));
        std::vector<std::uint32_t> pool(screened);
        double mean_productivity = 0;
        for (auto& j : pool) {
          j = from[rng.below(from.size())];
          mean_productivity += s.productivity[j];
        }
        mean_productivity /= double(pool.size());
        const auto score = [&](std::uint32_t j) { return double(s.quality[j]) + double(s.productivity[j]) / mean_productivity; };
        std::sort(pool.begin(), pool.end(), [&](std::uint32_t a, std::uint32_t b) {
          return score(a) != score(b) ? score(a) > score(b) : a < b;
        });
        pool.erase(std::unique(pool.begin(), pool.end()), pool.end());  // a firm drawn twice sits twice in a row
        for (std::size_t n = 0; n < pool.size() && n < seek; ++n)
          offers.post(pool[n], static_cast<std::uint32_t>(k), rank++, Offer{static_cast<float>(score(pool[n]))});
      }
      seeking[k] = rank;
    }, 1);
    for (const auto n : seeking) sought += n;
    if (sought == 0) break;
    offers.deliver(new_space.smes);

    // Acceptance: each SME with offers takes the best (ties: the lower big-firm id).
    std::uint32_t declined_for_another = 0;
    for (std::uint32_t j = 0; j < new_space.smes; ++j) {
      const auto inbox = offers.inbox(j);
      if (inbox.empty()) continue;
      declined_for_another += static_cast<std::uint32_t>(inbox.size() - 1);
      const auto best = std::max_element(inbox.begin(), inbox.end(), [](const auto& a, const auto& b) {
        return a.payload.score != b.payload.score ? a.payload.score < b.payload.score : a.sender > b.sender;
      });
      RandomStream rng(p.seed, stream::partner_terms, s.uid[j], static_cast<std::uint64_t>(w.step), round);
      const auto terms = draw_partnership_terms(w, j, rng);
      // The price it would be paid: its ask (last month's mark-up on this month's unit cost),
      // less the plasma discount.
      const double ask = (1.0 + double(s.markup[j])) * double(sme_unit_cost(w, s.region[j]));
      const double discount = terms.pattern == PartnershipPattern::nucleus_plasma ? p.partnership.plasma_price_discount : 0.0;
      // An SME that turns the terms down is not asked again at this boundary.
      partnered[j] = 1;
      if (terms_hold(w, j, terms, (1.0 - discount) * ask)) {
        added.push_back({new_space.big_firm_offset() + best->sender, j, terms});
        ++kept[std::size_t(best->sender) * 3 + class_of(j)];
      }
    }
    if (declined_for_another == 0) break;  // later rounds are for offers that lost to another firm's; none did
  }
  return added;
}

}  // namespace sentra::cluster
