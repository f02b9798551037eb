#include "engine/network_layer.hpp"

#include <doctest/doctest.h>

#include <random>
#include <tuple>
#include <vector>

namespace {
struct Prop {
  float weight = 0.f;
};
using Layer = sentra::NetworkLayer<Prop>;
}  // namespace

TEST_CASE("NetworkLayer.out and in edges with properties match the edge list") {
  Layer l(4, {{0, 1, {0.5f}}, {2, 1, {0.25f}}, {0, 3, {1.0f}}, {3, 0, {2.0f}}});
  CHECK(l.vertices() == 4);
  CHECK(l.edges() == 4);
  std::vector<std::pair<std::uint32_t, float>> out0;
  l.for_out(0, [&](std::uint32_t, std::uint32_t t, const Prop& p) { out0.push_back({t, p.weight}); });
  CHECK(out0 == std::vector<std::pair<std::uint32_t, float>>{{1, 0.5f}, {3, 1.0f}});
  std::vector<std::uint32_t> in1;
  l.for_in(1, [&](std::uint32_t e, std::uint32_t s, const Prop& p) {
    in1.push_back(s);
    // an in-edge reports the same edge index as the forward edge
    l.for_out(s, [&](std::uint32_t e2, std::uint32_t t, const Prop& p2) {
      if (t == 1) {
        CHECK(e2 == e);
        CHECK(p2.weight == p.weight);
      }
    });
  });
  CHECK(in1 == std::vector<std::uint32_t>{0, 2});
  CHECK(l.in_degree(1) == 2);
  CHECK(l.out_degree(2) == 1);
}

TEST_CASE("NetworkLayer.targets lists out-neighbours in edge order, for both directions") {
  Layer l(4, {{0, 1, {0.5f}}, {2, 1, {0.25f}}, {0, 3, {1.0f}}, {3, 0, {2.0f}}});
  const auto t0 = l.targets(0);
  CHECK(std::vector<std::uint32_t>(t0.begin(), t0.end()) == std::vector<std::uint32_t>{1, 3});
  CHECK(l.targets(1).empty());
  // An undirected layer as two arcs per link, out-edges only.
  sentra::NetworkLayer<Prop, boost::directedS> u(3, {{0, 1, {}}, {1, 0, {}}, {1, 2, {}}, {2, 1, {}}});
  const auto t1 = u.targets(1);
  CHECK(std::vector<std::uint32_t>(t1.begin(), t1.end()) == std::vector<std::uint32_t>{0, 2});
  CHECK(u.out_degree(2) == 1);
  CHECK(u.edges() == 4);
}

TEST_CASE("NetworkLayer.rebuild drops edges of removed vertices, renumbers and appends") {
  Layer l(4, {{0, 1, {1.f}}, {1, 2, {2.f}}, {2, 3, {3.f}}, {3, 0, {4.f}}});
  // vertex 1 exits: 0->0, 2->1, 3->2
  const std::vector<std::uint32_t> remap{0, sentra::removed_id, 1, 2};
  l.rebuild(4, remap, [](std::uint32_t e) { return e != 3; }, {{3, 0, {9.f}}});
  const auto edges = l.edge_list();
  REQUIRE(edges.size() == 2);
  CHECK(edges[0].src == 1);
  CHECK(edges[0].dst == 2);
  CHECK(edges[0].prop.weight == 3.f);
  CHECK(edges[1].src == 3);
  CHECK(edges[1].dst == 0);
  CHECK(edges[1].prop.weight == 9.f);
}

TEST_CASE("NetworkLayer.the owner of an edge can update its property") {
  Layer l(2, {{0, 1, {1.f}}});
  l.for_out_mut(0, [](std::uint32_t, std::uint32_t, Prop& p) { p.weight = 7.f; });
  l.for_in(1, [](std::uint32_t, std::uint32_t, const Prop& p) { CHECK(p.weight == 7.f); });
}

namespace {
// The rebuild as it was first written: the kept edges copied into a list, then `added`,
// then the layer built from that list. The in-place rebuild must give the same layer.
template <class L>
L rebuilt_from_list(const L& old, std::uint32_t new_vertices, const std::vector<std::uint32_t>& old_to_new,
                    const std::vector<std::uint8_t>& keep, const std::vector<typename L::Edge>& added) {
  std::vector<typename L::Edge> kept;
  std::uint32_t e = 0;
  for (const auto& edge : old.edge_list()) {
    const auto s = old_to_new.empty() ? edge.src : old_to_new[edge.src];
    const auto t = old_to_new.empty() ? edge.dst : old_to_new[edge.dst];
    if (s != sentra::removed_id && t != sentra::removed_id && keep[e]) kept.push_back({s, t, edge.prop});
    ++e;
  }
  kept.insert(kept.end(), added.begin(), added.end());
  return L(new_vertices, kept);
}

template <class L>
void check_same_layer(const L& a, const L& b) {
  REQUIRE(a.vertices() == b.vertices());
  REQUIRE(a.edges() == b.edges());
  for (std::uint32_t v = 0; v < a.vertices(); ++v) {
    std::vector<std::tuple<std::uint32_t, std::uint32_t, float>> x, y;
    a.for_out(v, [&](std::uint32_t e, std::uint32_t t, const Prop& p) { x.emplace_back(e, t, p.weight); });
    b.for_out(v, [&](std::uint32_t e, std::uint32_t t, const Prop& p) { y.emplace_back(e, t, p.weight); });
    CHECK(x == y);
    if constexpr (requires { a.in_degree(v); }) {
      x.clear();
      y.clear();
      a.for_in(v, [&](std::uint32_t e, std::uint32_t s, const Prop& p) { x.emplace_back(e, s, p.weight); });
      b.for_in(v, [&](std::uint32_t e, std::uint32_t s, const Prop& p) { y.emplace_back(e, s, p.weight); });
      CHECK(x == y);
    }
  }
}

template <class L>
void check_rebuild_on_random_layers() {
  std::mt19937 gen(7);
  for (int round = 0; round < 50; ++round) {
    const auto V = std::uint32_t(1 + gen() % 40);
    std::vector<typename L::Edge> edges(gen() % 200);
    for (auto& e : edges) e = {std::uint32_t(gen() % V), std::uint32_t(gen() % V), {float(gen() % 1000)}};
    L layer(V, edges);
    // Random exits (a monotone renumbering, as compaction makes), or none; extra vertices
    // at the end (entrants); a random keep mask; added edges in any order.
    std::vector<std::uint32_t> old_to_new;
    std::uint32_t survivors = V;
    if (round % 5 != 0) {
      survivors = 0;
      for (std::uint32_t v = 0; v < V; ++v) old_to_new.push_back(gen() % 4 ? survivors++ : sentra::removed_id);
    }
    const auto new_vertices = std::uint32_t(survivors + gen() % 5);
    std::vector<std::uint8_t> keep(edges.size());
    for (auto& k : keep) k = gen() % 3 != 0;
    std::vector<typename L::Edge> added(gen() % 30);
    for (auto& e : added)
      e = {std::uint32_t(gen() % new_vertices), std::uint32_t(gen() % new_vertices), {float(gen() % 1000)}};
    const L expected = rebuilt_from_list(layer, new_vertices, old_to_new, keep, added);
    layer.rebuild(new_vertices, old_to_new, [&](std::uint32_t e) { return keep[e] != 0; }, added);
    check_same_layer(layer, expected);
  }
}
}  // namespace

TEST_CASE("NetworkLayer.rebuild in place gives the layer built from the list of kept and added edges") {
  check_rebuild_on_random_layers<Layer>();
  check_rebuild_on_random_layers<sentra::NetworkLayer<Prop, boost::directedS>>();
}

TEST_CASE("NetworkLayer.rebuild of an empty layer, and to an empty layer") {
  Layer empty;
  empty.rebuild(3, {}, [](std::uint32_t) { return true; }, {{2, 0, {1.f}}});
  CHECK(empty.edges() == 1);
  CHECK(empty.in_degree(0) == 1);
  Layer l(2, {{0, 1, {1.f}}});
  l.rebuild(2, {}, [](std::uint32_t) { return false; }, {});
  CHECK(l.edges() == 0);
  CHECK(l.vertices() == 2);
  CHECK(l.in_degree(1) == 0);
}
