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
#include <limits>
#include <span>
#include <type_traits>
#include <utility>
#include <vector>

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/iterator_facade.hpp>
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
  // arrays indexed by edge must be resized by the caller. The result is the layer built
  // from the list [kept edges in edge-index order, then `added`].
  //
  // No such list is held: the new out-edge arrays are filled straight from the old ones
  // (KeptEdges streams them, twice: once to count, once to place). The old in-edge arrays
  // go first (reading the old edges needs only the out-edge arrays) and the new in-edge
  // arrays are built only once the old out-edge arrays are gone, so at no point does the
  // layer hold more than an old and a new set of out-edge arrays (the yearly boundary's
  // memory peak, docs/performance.md).
  template <class Keep>
  void rebuild(std::uint32_t new_vertices, std::span<const std::uint32_t> old_to_new, Keep&& keep,
               const std::vector<Edge>& added) {
    if constexpr (bidirectional) graph_.m_backward = typename Graph::backward_type();
    using Kept = KeptEdges<std::remove_reference_t<Keep>>;
    const Kept first(graph_, old_to_new, keep, added), last;
    const auto ends = [](const Edge& e) { return std::pair<std::uint32_t, std::uint32_t>(e.src, e.dst); };
    const auto prop = [](const Edge& e) { return e.prop; };
    Graph next;
    next.m_forward.assign_unsorted_multi_pass_edges(
        boost::make_transform_iterator(first, ends), boost::make_transform_iterator(last, ends),
        boost::make_transform_iterator(first, prop), new_vertices, boost::typed_identity_property_map<std::uint32_t>(),
        boost::keep_all());
    // Frees the old out-edge arrays. (The new graph keeps no per-vertex property objects:
    // its vertices have none, and nothing here reads them.)
    graph_ = std::move(next);
    if constexpr (bidirectional) build_in_edges();
  }

 private:
  // The edges a rebuild keeps, in the order [old edges in edge-index order, renumbered,
  // without the dropped ones; then `added`], read in place from the old out-edge arrays.
  // A forward iterator, so the CSR construction can pass over it more than once.
  template <class Keep>
  class KeptEdges : public boost::iterator_facade<KeptEdges<Keep>, const Edge, boost::forward_traversal_tag, Edge> {
   public:
    KeptEdges() = default;  // the end
    KeptEdges(const Graph& old, std::span<const std::uint32_t> old_to_new, const Keep& keep,
              const std::vector<Edge>& added)
        : old_(&old), old_to_new_(old_to_new), keep_(&keep), added_(&added),
          old_edges_(static_cast<std::uint32_t>(boost::num_edges(old))),
          end_(old_edges_ + static_cast<std::uint32_t>(added.size())) {
      settle();
    }

   private:
    friend class boost::iterator_core_access;

    std::uint32_t renumber(std::uint32_t v) const { return old_to_new_.empty() ? v : old_to_new_[v]; }

    // Moves e_ forward to the next edge that is kept (or past the end), keeping src_ the
    // source of e_ while e_ is an old edge.
    void settle() {
      const auto& rowstart = old_->m_forward.m_rowstart;
      for (; e_ < old_edges_; ++e_) {
        while (rowstart[src_ + 1] <= e_) ++src_;
        if (renumber(src_) != removed_id && renumber(old_->m_forward.m_column[e_]) != removed_id && (*keep_)(e_))
          return;
      }
    }
    void increment() {
      ++e_;
      settle();
    }
    bool equal(const KeptEdges& o) const { return position() == o.position(); }
    // Past the last edge, every iterator is the default-constructed end.
    std::uint32_t position() const { return e_ < end_ ? e_ : std::numeric_limits<std::uint32_t>::max(); }
    Edge dereference() const {
      if (e_ >= old_edges_) return (*added_)[e_ - old_edges_];
      return Edge{renumber(src_), renumber(old_->m_forward.m_column[e_]), (*old_)[EdgeDesc(src_, e_)]};
    }

    const Graph* old_ = nullptr;
    std::span<const std::uint32_t> old_to_new_;
    const Keep* keep_ = nullptr;
    const std::vector<Edge>* added_ = nullptr;
    std::uint32_t old_edges_ = 0, end_ = 0;
    std::uint32_t e_ = 0, src_ = 0;
  };

  // The in-edge arrays from the out-edge arrays, exactly as Boost's constructor builds them
  // (compressed_sparse_row_graph::set_up_backward_property_links, which is private).
  void build_in_edges() {
    const auto [first, last] = boost::edges(graph_);
    const auto index = boost::get(boost::vertex_index, graph_);
    graph_.m_backward.assign_unsorted_multi_pass_edges(
        boost::detail::transpose_edges(boost::detail::make_edge_to_index_pair_iter(graph_, index, first)),
        boost::detail::transpose_edges(boost::detail::make_edge_to_index_pair_iter(graph_, index, last)),
        boost::counting_iterator<std::uint32_t>(0), vertices(), boost::typed_identity_property_map<std::uint32_t>(),
        boost::keep_all());
  }

  Graph graph_;
};

}  // namespace sentra
