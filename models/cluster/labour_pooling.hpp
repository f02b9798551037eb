#pragma once
// Labour pooling in clusters (Marshall 1890; Krugman 1991; Overman & Puga 2010): where many
// firms of a trade sit together, workers move between them, so a clustered firm can take on
// workers for an order and let them go after it at less cost than an isolated firm, which
// must search for them and keep them. In the model this is a narrower employment band: the
// share of its workforce within which a firm absorbs swings in demand through utilisation
// instead of hiring or laying off (adjust_workforce, phases.hpp). The starting state does not
// change (a firm at its desired workforce stays there either way); what changes is how
// closely clustered firms follow a change in demand (the baseline's noise included, so it
// moves a little too), as the source study's clustered firms "grow faster and adapt better
// than isolated ones". It applies in a cluster of any size, like every cluster rule here.
#include <cstdint>

#include "models/cluster/world.hpp"

namespace sentra::cluster {

// Employment band of SME i: sme.employment_band, narrower by clusters.labour_pooling in a cluster.
inline double employment_band_of(const World& w, std::uint32_t i) {
  const double band = w.params.sme.employment_band;
  return w.sme.cluster[i] >= 0 ? band * (1.0 - w.params.clusters.labour_pooling) : band;
}

}  // namespace sentra::cluster
