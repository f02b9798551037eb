#pragma once
// Plain-text undirected edge lists, so exactly the same graph can be run in other frameworks:
// one link per line as two 0-based node ids separated by whitespace; `#` starts a comment;
// blank lines are ignored.
#include <optional>
#include <string>

#include "models/virus_on_network/links.hpp"

namespace sentra::von {

// Reads a file. The node count is the largest id + 1, or `nodes` when given (it must then
// exceed every id; the extra nodes have no links). Throws config::ConfigError listing every
// problem as file:line:column (bad numbers, wrong column counts, self-links, repeated links).
LinkList read_edge_list(const std::string& path, std::optional<std::uint32_t> nodes = std::nullopt);

// Writes `graph` with `comment` as a header (each line prefixed by "# "). Written to
// path.partial and renamed, so an existing file is replaced only by a complete one.
void write_edge_list(const std::string& path, const LinkList& graph, const std::string& comment);

}  // namespace sentra::von
