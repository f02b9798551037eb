#pragma once
#include <cstddef>
#include <vector>

#include "engine/random.hpp"
#include "models/cluster/params.hpp"
#include "models/cluster/world.hpp"

namespace sentra::cluster {

// Builds the synthetic world a scenario describes: regions, clusters, the four agent kinds
// with size classes drawn to match Table 1's 2007 shares and workers per unit, and the
// four network layers. Deterministic in the seed, whatever `threads` (the worker threads that
// solve the starting balance with shared orders).
World build_world(const Params& params, int threads = 1);

// Sets buyers' budgets (and trader relationship weights) so the starting market clears:
// every SME is ordered what keeps it at its present size (initial_budgets.cpp).
void set_initial_budgets(World& w, int threads = 1);

// Sizes the per-vertex offer arrays and per-edge order arrays to the current network
// (after building it and after every rebuild).
void size_month_arrays(World& w);

// Bytes the world of these parameters will need, estimated from its agent and edge counts
// (used to refuse absurd sizes before any allocation).
std::size_t estimate_world_bytes(const Params& params);

// The machine's physical memory in bytes (0 if unknown). A world is refused when its
// estimate passes 80% of it: at load (load_scenario) and whenever it grows (compact_and_enter).
double physical_memory_bytes();
inline constexpr double world_memory_share = 0.8;

// Workers per firm within a size band: P(L) ∝ exp(lambda·L) on the integers [lo, hi], with
// lambda solved so the mean is `mean` (Table 1's workers per unit for the class).
class EmploymentDistribution {
 public:
  EmploymentDistribution(int lo, int hi, double mean);
  float draw(double uniform) const;
  double mean() const { return mean_; }

 private:
  int lo_;
  double mean_;
  std::vector<double> cdf_;
};


// The terms of a new partnership with SME i: pattern, linkage types (the 1994 survey's mix)
// and the monthly quantity the big firm takes (big_firms.offtake_share of i's capacity).
PartnershipEdge draw_partnership_terms(const World& w, std::size_t i, sentra::RandomStream& rng);

// Where a new firm sets up when it takes an exited firm's place (entry_places.hpp).
struct SmeSite {
  std::int32_t cluster;  // -1 outside clusters
  std::uint8_t product;
  float expected_demand;  // the orders the predecessor expected (units/month)
  float employment, productivity;  // the predecessor's workers and their productivity
};

// Fills row i of the SME store with a new firm of class `cls` in `region`: employment from
// the class band, productivity around the class mean, cluster membership (drawn, or the
// site's), product, net worth.
void init_sme(World& w, std::size_t i, std::uint16_t region, SizeClass cls,
              sentra::RandomStream& rng, const EmploymentDistribution* bands, const SmeSite* site = nullptr);

}  // namespace sentra::cluster
