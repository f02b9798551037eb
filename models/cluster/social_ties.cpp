// Information and trust. Each month an SME's market information decays and is topped up by
// its region's promotion and by a partner with a marketing linkage. Inside a cluster, tied
// firms meet at random; at a meeting the better-informed firm shares what it knows, in
// proportion to trust. A meeting goes badly with probability proportional to the
// information gap between the two (unequal information spreads distrust, as the study
// says); trust is slow to gain and fast to lose (Kim 2009; Tykhonov et al. 2008):
//   good meeting: T <- T + rho_plus·(1 - T)      bad meeting: T <- T - rho_minus·T
//   no meeting:   T drifts toward its initial level.
#include <algorithm>
#include <cmath>

#include "engine/random.hpp"
#include "models/cluster/phases.hpp"
#include "models/cluster/streams.hpp"

namespace sentra::cluster {

void social_ties(World& w, const PhaseContext& ctx) {
  const auto& P = w.params;
  const auto& q = P.social;
  auto& s = w.sme;
  const auto t0 = static_cast<float>(q.trust_initial);
  ctx.scheduler.for_each(s.size(), [&](std::size_t idx) {
    const auto i = static_cast<std::uint32_t>(idx);
    if (!s.alive[i]) {
      s.information_next[i] = s.information[i];
      return;
    }
    const double own = s.information[i];
    double info = (1.0 - P.sme.information_decay) * own + information_inflow(w, i);
    w.net.partnership.for_in(i, [&](std::uint32_t, std::uint32_t, const PartnershipEdge& e) {
      if (e.linkages & linkage_marketing) info += P.big_firms.partner_information_gain;
      if (e.pattern == PartnershipPattern::agency) info += P.partnership.agency_information_gain;
    });
    RandomStream rng(P.seed, stream::social_meeting, s.uid[i], static_cast<std::uint64_t>(ctx.step), ctx.phase);
    w.net.social.for_out_mut(i, [&](std::uint32_t, std::uint32_t j, SocialEdge& tie) {
      if (!s.alive[j] || !rng.bernoulli(q.meeting_probability)) {
        tie.trust += static_cast<float>(q.trust_drift) * (t0 - tie.trust);
        return;
      }
      const double other = s.information[j];
      const double gap = std::abs(other - own);
      if (rng.bernoulli(std::min(1.0, q.information_gap_distrust * gap))) {
        tie.trust -= static_cast<float>(q.trust_loss) * tie.trust;
      } else {
        tie.trust += static_cast<float>(q.trust_gain) * (1.f - tie.trust);
        info += q.learning_rate * tie.trust * std::max(0.0, other - own);
      }
    });
    s.information_next[i] = static_cast<float>(std::clamp(info, 0.0, 1.0));
  });
}

}  // namespace sentra::cluster
