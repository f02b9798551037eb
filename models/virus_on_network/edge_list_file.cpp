#include "models/virus_on_network/edge_list_file.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

#include "engine/config/diagnostic.hpp"

namespace sentra::von {

namespace {

using config::Diagnostic;
using config::Mark;

// Ids must leave room for the node count in 32 bits.
constexpr std::uint64_t max_id = 0x7fffffffULL;
// Enough to show what is wrong without flooding the terminal on a wholly wrong file.
constexpr std::size_t max_reported = 20;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

std::string shown(std::string_view token) {
  return token.size() <= 40 ? std::string(token) : std::string(token.substr(0, 40)) + "...";
}

}  // namespace

LinkList read_edge_list(const std::string& path, std::optional<std::uint32_t> nodes) {
  std::vector<Diagnostic> diags;
  const auto fail = [&](int line, int column, std::string message) {
    config::report(diags, Mark{path, line, column}, "", std::move(message));
  };

  std::ifstream in(path, std::ios::binary);
  if (!in) {
    fail(1, 1, std::string("cannot open the edge list: ") + std::strerror(errno));
    throw config::ConfigError(std::move(diags));
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string text = std::move(buffer).str();
  if (text.find('\0') != std::string::npos) {
    fail(1, 1, "expected a text edge list, got a binary file (it contains NUL bytes)");
    throw config::ConfigError(std::move(diags));
  }

  LinkList g;
  std::vector<int> line_of;  // line of each link, for messages about repeats
  std::uint64_t largest = 0;
  int largest_line = 1;
  int line = 0;
  std::size_t pos = 0;
  while (pos < text.size() && diags.size() < max_reported) {
    ++line;
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string_view row(text.data() + pos, end - pos);
    pos = end + 1;
    if (const auto hash = row.find('#'); hash != std::string_view::npos) row = row.substr(0, hash);

    std::uint64_t ids[2] = {0, 0};
    int count = 0;
    bool bad = false;
    for (std::size_t i = 0; i < row.size();) {
      if (is_space(row[i])) {
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j < row.size() && !is_space(row[j])) ++j;
      const std::string_view token = row.substr(i, j - i);
      const int column = int(i) + 1;
      if (count == 2) {
        fail(line, column, "expected two node ids per line, got a third value '" + shown(token) + "'");
        bad = true;
        break;
      }
      std::uint64_t value = 0;
      const auto [ptr, ec] = std::from_chars(token.data(), token.data() + token.size(), value);
      if (ec == std::errc::result_out_of_range || (ec == std::errc{} && ptr == token.data() + token.size() && value > max_id)) {
        fail(line, column, "expected a node id of at most " + std::to_string(max_id) + ", got " + shown(token));
        bad = true;
        break;
      }
      if (ec != std::errc{} || ptr != token.data() + token.size()) {
        fail(line, column, "expected a node id (a 0-based non-negative integer), got '" + shown(token) + "'");
        bad = true;
        break;
      }
      ids[count++] = value;
      i = j;
    }
    if (bad || count == 0) continue;
    if (count == 1) {
      fail(line, int(row.size()) + 1, "expected two node ids per line, got one");
      continue;
    }
    if (ids[0] == ids[1]) {
      fail(line, 1, "a node cannot be linked to itself (node " + std::to_string(ids[0]) + ")");
      continue;
    }
    if (std::max(ids[0], ids[1]) > largest || g.links.empty()) {
      largest = std::max(ids[0], ids[1]);
      largest_line = line;
    }
    g.links.push_back(Link{std::uint32_t(ids[0]), std::uint32_t(ids[1])});
    line_of.push_back(line);
  }

  if (diags.empty()) {
    // Repeated links (in either direction) would make the graph differ from what another
    // framework builds from the same file.
    std::vector<std::uint32_t> order(g.links.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    const auto key = [&](std::uint32_t i) {
      const Link& l = g.links[i];
      return std::pair(std::min(l.a, l.b), std::max(l.a, l.b));
    };
    std::sort(order.begin(), order.end(), [&](std::uint32_t p, std::uint32_t q) {
      return key(p) != key(q) ? key(p) < key(q) : p < q;
    });
    for (std::size_t k = 1; k < order.size() && diags.size() < max_reported; ++k)
      if (key(order[k]) == key(order[k - 1]))
        fail(line_of[order[k]], 1,
             "link " + std::to_string(key(order[k]).first) + " " + std::to_string(key(order[k]).second) +
                 " repeats the link on line " + std::to_string(line_of[order[k - 1]]));
    std::sort(diags.begin(), diags.end(), [](const Diagnostic& p, const Diagnostic& q) { return p.mark.line < q.mark.line; });
  }
  if (diags.empty() && g.links.empty() && !nodes)
    fail(std::max(line, 1), 1, "expected at least one link (two node ids on a line), found none");
  if (diags.empty() && nodes && !g.links.empty() && largest >= *nodes)
    fail(largest_line, 1, "the file uses node id " + std::to_string(largest) + " but --nodes is " + std::to_string(*nodes) +
                   " (ids must be below the node count)");
  if (!diags.empty()) throw config::ConfigError(std::move(diags));
  g.nodes = nodes ? *nodes : std::uint32_t(largest + 1);
  return g;
}

void write_edge_list(const std::string& path, const LinkList& graph, const std::string& comment) {
  const std::string partial = path + ".partial";
  std::FILE* f = std::fopen(partial.c_str(), "wb");
  if (!f) throw std::runtime_error("cannot write " + partial + ": " + std::strerror(errno));
  std::string out;
  std::istringstream lines(comment);
  for (std::string l; std::getline(lines, l);) out += "# " + l + "\n";
  char buf[32];
  bool ok = true;
  for (const Link& l : graph.links) {
    out.append(buf, std::to_chars(buf, buf + sizeof buf, l.a).ptr);
    out.push_back(' ');
    out.append(buf, std::to_chars(buf, buf + sizeof buf, l.b).ptr);
    out.push_back('\n');
    if (out.size() > (1u << 20)) {
      ok = ok && std::fwrite(out.data(), 1, out.size(), f) == out.size();
      out.clear();
    }
  }
  ok = ok && std::fwrite(out.data(), 1, out.size(), f) == out.size();
  ok = (std::fclose(f) == 0) && ok;
  if (!ok || std::rename(partial.c_str(), path.c_str()) != 0) {
    std::remove(partial.c_str());
    throw std::runtime_error("cannot write " + path + ": " + std::strerror(errno));
  }
}

}  // namespace sentra::von
