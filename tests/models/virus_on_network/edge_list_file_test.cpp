#include "models/virus_on_network/edge_list_file.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "engine/config/diagnostic.hpp"
#include "models/virus_on_network/spatial_network.hpp"

using namespace sentra::von;
namespace fs = std::filesystem;

namespace {

fs::path temp_file(const std::string& name, const std::string& text) {
  const fs::path dir = fs::temp_directory_path() / "sentra_edge_list_test";
  fs::create_directories(dir);
  const fs::path p = dir / name;
  std::ofstream(p, std::ios::binary) << text;
  return p;
}

// The messages of a file that must be refused, one per line.
std::string errors_of(const std::string& text, std::optional<std::uint32_t> nodes = std::nullopt) {
  const fs::path p = temp_file("bad.txt", text);
  try {
    read_edge_list(p.string(), nodes);
  } catch (const sentra::config::ConfigError& e) {
    std::string out;
    for (const auto& d : e.diagnostics) out += d.format().substr(p.string().size()) + "\n";
    return out;
  }
  return "accepted";
}

}  // namespace

TEST_CASE("edge list.written and read back gives the same graph") {
  const LinkList g = build_spatial_network(3000, 6, 21);
  const fs::path p = temp_file("round.txt", "");
  write_edge_list(p.string(), g, "a header\nof two lines");
  CHECK_FALSE(fs::exists(p.string() + ".partial"));
  const LinkList back = read_edge_list(p.string());
  CHECK(back.nodes == g.nodes);
  REQUIRE(back.links.size() == g.links.size());
  for (std::size_t i = 0; i < g.links.size(); ++i) {
    CHECK(back.links[i].a == g.links[i].a);
    CHECK(back.links[i].b == g.links[i].b);
  }
  std::ifstream in(p);
  std::string first;
  std::getline(in, first);
  CHECK(first == "# a header");
}

TEST_CASE("edge list.comments, blank lines, tabs and CRLF are accepted") {
  const fs::path p = temp_file("ok.txt", "# nodes 0..4\n\n0 1\r\n1\t2   # trailing comment\n  3 4\n# end");
  const LinkList g = read_edge_list(p.string());
  CHECK(g.nodes == 5);
  REQUIRE(g.links.size() == 3);
  CHECK(g.links[1].a == 1);
  CHECK(g.links[1].b == 2);
  CHECK(read_edge_list(p.string(), 10).nodes == 10);  // isolated extra nodes
}

TEST_CASE("edge list.bad files are refused with line, column and what was expected") {
  CHECK(errors_of("0 1\n1 x2\n") == ":2:3: expected a node id (a 0-based non-negative integer), got 'x2'\n");
  CHECK(errors_of("0 -1\n") == ":1:3: expected a node id (a 0-based non-negative integer), got '-1'\n");
  CHECK(errors_of("0 1.5\n") == ":1:3: expected a node id (a 0-based non-negative integer), got '1.5'\n");
  CHECK(errors_of("0 1 2\n") == ":1:5: expected two node ids per line, got a third value '2'\n");
  CHECK(errors_of("0 1\n7\n") == ":2:2: expected two node ids per line, got one\n");
  CHECK(errors_of("3 3\n") == ":1:1: a node cannot be linked to itself (node 3)\n");
  CHECK(errors_of("0 1\n2 3\n1 0\n") == ":3:1: link 0 1 repeats the link on line 1\n");
  CHECK(errors_of("0 99999999999\n") == ":1:3: expected a node id of at most 2147483647, got 99999999999\n");
  CHECK(errors_of("0 1\n1 2\n", 2) == ":2:1: the file uses node id 2 but --nodes is 2 (ids must be below the node count)\n");
  CHECK(errors_of("# nothing\n\n") == ":2:1: expected at least one link (two node ids on a line), found none\n");
  CHECK(errors_of(std::string("0 1\n\0\0", 6)) == ":1:1: expected a text edge list, got a binary file (it contains NUL bytes)\n");
  // Several problems are reported together.
  CHECK(errors_of("a 1\n2 2\n0 1\n") ==
        ":1:1: expected a node id (a 0-based non-negative integer), got 'a'\n:2:1: a node cannot be linked to itself (node 2)\n");
}

TEST_CASE("edge list.a missing file is an input error, and a failed write leaves nothing") {
  CHECK_THROWS_AS(read_edge_list("/nonexistent/edges.txt"), sentra::config::ConfigError);
  CHECK_THROWS_AS(write_edge_list("/nonexistent/dir/edges.txt", LinkList{}, ""), std::runtime_error);
}
