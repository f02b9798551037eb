#pragma once
// One layer of the trade network (e.g. supply, sales, partnership, social ties): a
// Boost.Graph compressed_sparse_row_graph over one vertex space shared by all layers, with
// a bundled property per edge and in-edge lists so a receiver can read what was sent to it.
//
// The layer is immutable during a step: phases read it and write only per-edge state that
// the edge's owner holds. Structural changes are collected and applied by rebuild() at a
// step boundary. Edges keep the order in which they were given (a stable counting sort by
// source), so the same inputs always give the same edge indices.
#include <cstddef>
#include <cstdint>
#include <span>
#include <type_traits>
#include <utility>
#include <vector>

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/iterator/transform_iterator.hpp>

#include "engine/compaction.hpp"

namespace sentra {

// Direction is boost::bidirectionalS (out- and in-edges; the default) or boost::directedS
// (out-edges only, a third less memory; an undirected layer can store each link as two arcs
// and read a vertex's neighbours as one contiguous array with targets()).
template <class EdgeProp, class Direction = boost::bidirectionalS>
class NetworkLayer {
  static constexpr bool bidirectional = std::is_same_v<Direction, boost::bidirectionalS>;

 public:
  using Graph = boost::compressed_sparse_row_graph<Direction, boost::no_property, EdgeProp, boost::no_property,
                                                   std::uint32_t, std::uint32_t>;
  using EdgeDesc = typename boost::graph_traits<Graph>::edge_descriptor;

  struct Edge {
    std::uint32_t src;
    std::uint32_t dst;
    EdgeProp prop;
  };

  NetworkLayer() = default;
  NetworkLayer(std::uint32_t vertices, const std::vector<Edge>& edges) { build(vertices, edges); }

  void build(std::uint32_t vertices, const std::vector<Edge>& edges) {
    // Views of the edge list: no copy of the endpoints or properties is made here.
    const auto ends = [](const Edge& e) { return std::pair<std::uint32_t, std::uint32_t>(e.src, e.dst); };
    const auto prop = [](const Edge& e) { return e.prop; };
    graph_ = Graph(boost::edges_are_unsorted_multi_pass, boost::make_transform_iterator(edges.begin(), ends),
                   boost::make_transform_iterator(edges.end(), ends),
                   boost::make_transform_iterator(edges.begin(), prop), vertices);
  }

  std::uint32_t vertices() const { return static_cast<std::uint32_t>(boost::num_vertices(graph_)); }
  std::size_t edges() const { return boost::num_edges(graph_); }
  const Graph& graph() const { return graph_; }

  // f(edge_index, target, const EdgeProp&) for each out-edge of v, in edge-index order.
  template <class F>
  void for_out(std::uint32_t v, F&& f) const {
    for (auto [it, end] = boost::out_edges(v, graph_); it != end; ++it) {
      const EdgeDesc e = *it;
      f(static_cast<std::uint32_t>(e.idx), boost::target(e, graph_), graph_[e]);
    }
  }

  // Same, with the property writable: only the edge's source (its owner) may write it
  // during a phase, so parallel sweeps over sources never race.
  template <class F>
  void for_out_mut(std::uint32_t v, F&& f) {
    for (auto [it, end] = boost::out_edges(v, graph_); it != end; ++it) {
      const EdgeDesc e = *it;
      f(static_cast<std::uint32_t>(e.idx), boost::target(e, graph_), graph_[e]);
    }
  }

  // Targets of v's out-edges in edge-index order, as the graph's own contiguous array.
  std::span<const std::uint32_t> targets(std::uint32_t v) const {
    const auto [first, last] = boost::adjacent_vertices(v, graph_);
    if (first == last) return {};
    return {&*first, std::size_t(last - first)};
  }

  // f(edge_index, source, const EdgeProp&) for each in-edge of v, ordered by source.
  template <class F>
    requires bidirectional
  void for_in(std::uint32_t v, F&& f) const {
    for (auto [it, end] = boost::in_edges(v, graph_); it != end; ++it) {
      const EdgeDesc e = *it;
      f(static_cast<std::uint32_t>(e.idx), boost::source(e, graph_), graph_[e]);
    }
  }

  std::size_t out_degree(std::uint32_t v) const { return boost::out_degree(v, graph_); }
  std::size_t in_degree(std::uint32_t v) const
    requires bidirectional
  { return boost::in_degree(v, graph_); }

  // All edges in edge-index order.
  std::vector<Edge> edge_list() const {
    std::vector<Edge> out;
    out.reserve(edges());
    for (std::uint32_t v = 0; v < vertices(); ++v)
      for_out(v, [&](std::uint32_t, std::uint32_t t, const EdgeProp& p) {
        out.push_back(Edge{v, t, p});
      });
    return out;
  }

  // Step-boundary rebuild: renumbers endpoints with old_to_new (edges touching a removed
  // vertex are dropped), drops edges for which keep(edge_index) is false, then appends
  // `added` (already in new ids). Properties travel with their edges; per-step scratch
  // arrays indexed by edge must be resized by the caller.
  template <class Keep>
  void rebuild(std::uint32_t new_vertices, std::span<const std::uint32_t> old_to_new, Keep&& keep,
               const std::vector<Edge>& added) {
    std::vector<Edge> kept;
    kept.reserve(edges() + added.size());
    for (std::uint32_t v = 0; v < vertices(); ++v) {
      for_out(v, [&](std::uint32_t e, std::uint32_t t, const EdgeProp& p) {
        const std::uint32_t s2 = old_to_new.empty() ? v : old_to_new[v];
        const std::uint32_t t2 = old_to_new.empty() ? t : old_to_new[t];
        if (s2 != removed_id && t2 != removed_id && keep(e)) kept.push_back(Edge{s2, t2, p});
      });
    }
    kept.insert(kept.end(), added.begin(), added.end());
    graph_ = Graph();  // free the old arrays before the new ones are allocated
    build(new_vertices, kept);
  }

 private:
  Graph graph_;
};

}  // namespace sentra
