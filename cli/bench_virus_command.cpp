// `sentra bench --model virus-on-network`: builds (or reads) the graph, runs up to T ticks
// of NetLogo's Virus on a Network and prints one JSON line. Graph construction and set-up
// are timed apart (graph_seconds, which excludes writing --write-edges) from the ticks
// (seconds_per_tick). agent_steps_per_s is
// nodes x ticks run / seconds; the run stops early, as NetLogo does, when no node is
// infected (ticks then says how many ran).
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <string>

#include "cli/commands.hpp"
#include "cli/memory_usage.hpp"
#include "models/virus_on_network/edge_list_file.hpp"
#include "models/virus_on_network/random_network.hpp"
#include "models/virus_on_network/simulation.hpp"
#include "models/virus_on_network/spatial_network.hpp"

namespace sentra::cli {

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int bench_virus_command(const VirusBenchOptions& o) {
  using namespace sentra::von;
  // Refuse a size this machine cannot hold before spending minutes on it (measured peak:
  // about 56 + 16 x degree bytes per node for the generators and the simulation together).
  const double needed = double(o.nodes) * (56.0 + 16.0 * o.degree);
  const double physical = double(sysconf(_SC_PHYS_PAGES)) * double(sysconf(_SC_PAGESIZE));
  if (o.edges_file.empty() && physical > 0 && needed > physical) {
    std::cerr << "sentra bench: " << o.nodes << " nodes at degree " << o.degree << " need about "
              << needed / 1e9 << " GB; this machine has " << physical / 1e9 << " GB\n";
    return exit_invalid;
  }
  const auto start = std::chrono::steady_clock::now();
  LinkList graph;
  std::string source = o.generator;
  try {
    if (!o.edges_file.empty()) {
      graph = read_edge_list(o.edges_file, o.nodes_given ? std::optional(std::uint32_t(o.nodes)) : std::nullopt);
      source = "file";
    } else if (o.generator == "gnp") {
      graph = build_random_network(std::uint32_t(o.nodes), o.degree, o.seed);
    } else {
      graph = build_spatial_network(std::uint32_t(o.nodes), o.degree, o.seed);
    }
  } catch (const std::invalid_argument& e) {
    std::cerr << "sentra bench: " << e.what() << "\n";
    return exit_invalid;
  }
  VirusParams params;
  params.seed = o.seed;
  params.initial_outbreak = std::uint32_t(o.outbreak);
  params.spread_chance = o.spread;
  params.check_frequency = std::int32_t(o.check_frequency);
  params.recovery_chance = o.recovery;
  params.gain_resistance_chance = o.resistance;
  std::optional<VirusSimulation> sim;
  try {
    sim.emplace(graph, params, o.threads);
  } catch (const std::invalid_argument& e) {
    std::cerr << "sentra bench: " << e.what() << "\n";
    return exit_invalid;
  }
  const double graph_seconds = seconds_since(start);
  if (!o.write_edges_file.empty())
    write_edge_list(o.write_edges_file, graph,
                    "sentra virus-on-network graph: " + std::to_string(graph.nodes) + " nodes, " +
                        std::to_string(graph.links.size()) + " undirected links, generator " + source +
                        (source == "file" ? "" : ", degree " + std::to_string(o.degree) + ", seed " + std::to_string(o.seed)) +
                        "\none link per line: two 0-based node ids");

  const std::size_t nodes = graph.nodes;
  graph = LinkList{};  // the simulation holds its own copy as a CSR graph

  const auto run_start = std::chrono::steady_clock::now();
  std::int64_t ran = 0;
  while (ran < o.ticks && sim->tick()) ++ran;
  const double seconds = seconds_since(run_start);
  const double per_tick = ran > 0 ? seconds / double(ran) : 0.0;
  const Census& c = sim->census();
  std::printf(
      "{\"model\":\"virus-on-network\",\"nodes\":%zu,\"edges\":%zu,\"mean_degree\":%.4g,\"generator\":\"%s\","
      "\"graph_seconds\":%.6g,\"ticks\":%lld,\"ticks_requested\":%lld,\"threads\":%d,\"seconds_per_tick\":%.6g,"
      "\"agent_steps_per_s\":%.6g,\"susceptible\":%llu,\"infected\":%llu,\"resistant\":%llu,\"peak_rss_bytes\":%.0f}\n",
      nodes, sim->links(), nodes ? 2.0 * double(sim->links()) / double(nodes) : 0.0, source.c_str(), graph_seconds,
      static_cast<long long>(ran), static_cast<long long>(o.ticks), sim->threads(), per_tick,
      seconds > 0 ? double(nodes) * double(ran) / seconds : 0.0, static_cast<unsigned long long>(c.susceptible),
      static_cast<unsigned long long>(c.infected), static_cast<unsigned long long>(c.resistant), peak_rss_bytes());
  return exit_ok;
}

}  // namespace sentra::cli
