#include "models/cluster/partnership_formation.hpp"

#include <algorithm>
#include <cmath>

#include "engine/compaction.hpp"
#include "engine/message_buckets.hpp"
#include "engine/random.hpp"
#include "models/cluster/streams.hpp"
#include "models/cluster/world_builder.hpp"

namespace sentra::cluster {

namespace {

struct Offer {
  float score;
};

}  // namespace

std::vector<NetworkLayer<PartnershipEdge>::Edge> form_partnerships(const World& w, Scheduler& scheduler,
                                                                   const VertexSpace& old_space,
                                                                   std::span<const std::uint32_t> old_to_new,
                                                                   const VertexSpace& new_space) {
  const auto& p = w.params;
  const auto& s = w.sme;
  const std::uint32_t K = old_space.big_firms;
  std::vector<NetworkLayer<PartnershipEdge>::Edge> added;
  if (K == 0) return added;

  const auto class_of = [&](std::uint32_t j) { return std::min<std::size_t>(2, static_cast<std::size_t>(size_class(s.employment[j]))); };
  // Partners each big firm keeps (those that survived), by their class now, and which SMEs
  // already have one.
  std::vector<std::uint32_t> kept(std::size_t(K) * 3, 0);
  std::vector<std::uint8_t> partnered(new_space.smes, 0);
  for (std::uint32_t k = 0; k < K; ++k)
    w.net.partnership.for_out(old_space.big_firm_offset() + k, [&](std::uint32_t, std::uint32_t j, const PartnershipEdge&) {
      const auto now = old_to_new[j];
      if (now == removed_id) return;
      ++kept[std::size_t(k) * 3 + class_of(now)];
      partnered[now] = 1;
    });
  // Candidates by class: live SMEs without a partner, in id order.
  std::vector<std::uint32_t> candidates[3];
  for (std::uint32_t j = 0; j < new_space.smes; ++j)
    if (s.alive[j] && !partnered[j]) candidates[class_of(j)].push_back(j);

  // Offers: each big firm in parallel, posting to the SMEs it chose. A firm replaces the
  // partners it lost class by class, so the mix of partners' sizes stays as it started.
  MessageBuckets<Offer> offers;
  scheduler.for_each(K, [&](std::size_t k) {
    RandomStream rng(p.seed, stream::partner_offers, k, static_cast<std::uint64_t>(w.step), 0);
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
  }, 1);
  offers.deliver(new_space.smes);

  // Acceptance: each SME with offers takes the best (ties: the lower big-firm id).
  for (std::uint32_t j = 0; j < new_space.smes; ++j) {
    const auto inbox = offers.inbox(j);
    if (inbox.empty()) continue;
    const auto best = std::max_element(inbox.begin(), inbox.end(), [](const auto& a, const auto& b) {
      return a.payload.score != b.payload.score ? a.payload.score < b.payload.score : a.sender > b.sender;
    });
    RandomStream rng(p.seed, stream::partner_terms, s.uid[j], static_cast<std::uint64_t>(w.step), 0);
    added.push_back({new_space.big_firm_offset() + best->sender, j, draw_partnership_terms(w, j, rng)});
  }
  return added;
}

}  // namespace sentra::cluster
