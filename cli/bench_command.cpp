// `sentra bench`: a synthetic world of N SMEs with buyers, intermediaries, big firms and
// edges in baseline proportions; times K months (world construction excluded) and prints
// one JSON line. bytes_per_sme is the peak resident set (which includes the edge lists
// held while the network is first built) less what the process held before the world,
// per SME; resident_bytes_per_sme is the same for the resident set after the last month.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>

#include "cli/commands.hpp"
#include "cli/large_blocks.hpp"
#include "cli/memory_usage.hpp"
#include "models/cluster/scenario_schema.hpp"
#include "models/cluster/simulation.hpp"

namespace sentra::cli {

int bench_command(const BenchOptions& o) {
  give_large_blocks_back();  // as sentra run does
  const std::int64_t n = o.smes;
  config::LoadOptions opts;
  opts.overrides = {
      "world.smes=" + std::to_string(n),
      "world.intermediaries=" + std::to_string(std::max<std::int64_t>(1, n / 100)),
      "world.buyers=" + std::to_string(std::max<std::int64_t>(1, n / 10)),
      "world.big_firms=" + std::to_string(std::max<std::int64_t>(1, n / 10000)),
      "steps=" + std::to_string(o.steps),
      "seed=" + std::to_string(o.seed),
  };
  opts.overrides.insert(opts.overrides.end(), o.sets.begin(), o.sets.end());
  const auto loaded = config::load_text(cluster::scenario_schema(), "<bench>",
                                        "schema_version: 1\nname: bench\n", opts);
  // A --set may override the size or the months (world.smes, steps): report what ran.
  const std::int64_t smes = loaded.value.world.smes, steps = loaded.value.steps;
  const double rss_before = current_rss_bytes();
  cluster::Simulation sim(loaded.value, o.threads);
  const auto& w = sim.world();
  const double agents = double(w.sme.size() + w.intermediary.size() + w.buyer.size() + w.big_firm.size());
  const double edges = double(w.net.edges());
  // Edges per layer at the start (world construction), for the bytes an edge costs.
  const double sales = double(w.net.sales.edges()), supply = double(w.net.supply.edges()),
               partnership = double(w.net.partnership.edges()), social = double(w.net.social.edges());

  const auto start = std::chrono::steady_clock::now();
  for (std::int64_t t = 0; t < steps; ++t) sim.step();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double per_step = seconds / double(steps);
  const double peak = peak_rss_bytes();
  const double resident = current_rss_bytes();
  std::printf(
      "{\"smes\":%lld,\"agents\":%.0f,\"edges\":%.0f,\"steps\":%lld,\"threads\":%d,"
      "\"seconds_per_step\":%.6g,\"sme_steps_per_s\":%.6g,\"peak_rss_bytes\":%.0f,\"bytes_per_sme\":%.1f,"
      "\"resident_bytes_per_sme\":%.1f,\"edges_by_layer\":{\"sales\":%.0f,\"supply\":%.0f,\"partnership\":%.0f,"
      "\"social\":%.0f}}\n",
      static_cast<long long>(smes), agents, edges, static_cast<long long>(steps), sim.threads(), per_step,
      double(smes) / per_step, peak, (peak - rss_before) / double(smes), (resident - rss_before) / double(smes), sales, supply,
      partnership, social);
  return exit_ok;
}

}  // namespace sentra::cli
