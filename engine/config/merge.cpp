#include "engine/config/merge.hpp"

#include <unordered_map>

namespace sentra::config {

void merge_into(Node& base, Node overlay) {
  if (base.type != Node::Type::map || overlay.type != Node::Type::map) {
    base = std::move(overlay);
    return;
  }
  std::unordered_map<std::string, std::size_t> index;  // keeps wide mappings linear
  for (std::size_t i = 0; i < base.entries.size(); ++i) index.emplace(base.entries[i].key, i);
  for (Entry& e : overlay.entries) {
    const auto it = index.find(e.key);
    if (it == index.end()) {
      index.emplace(e.key, base.entries.size());
      base.entries.push_back(std::move(e));
    } else {
      Entry& target = base.entries[it->second];
      target.key_mark = e.key_mark;
      merge_into(target.value, std::move(e.value));
    }
  }
}

}  // namespace sentra::config
