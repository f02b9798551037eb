#include "engine/network_layer.hpp"

#include <doctest/doctest.h>

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
