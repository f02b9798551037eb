#pragma once
// Deterministic compaction of agent stores: agents that exited are removed at a step
// boundary, survivors keep their relative order and get dense ids 0..n-1. The remap is
// returned so edges, messages and snapshots can follow the agents.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <tuple>
#include <vector>

namespace sentra {

inline constexpr std::uint32_t removed_id = std::numeric_limits<std::uint32_t>::max();

struct Compaction {
  std::vector<std::uint32_t> old_to_new;  // removed_id for agents that exited
  std::vector<std::uint32_t> new_to_old;

  std::size_t survivors() const { return new_to_old.size(); }
  bool changes_anything() const { return new_to_old.size() != old_to_new.size(); }
};

inline Compaction plan_compaction(std::span<const std::uint8_t> alive) {
  Compaction c;
  c.old_to_new.resize(alive.size(), removed_id);
  for (std::size_t i = 0; i < alive.size(); ++i) {
    if (alive[i]) {
      c.old_to_new[i] = static_cast<std::uint32_t>(c.new_to_old.size());
      c.new_to_old.push_back(static_cast<std::uint32_t>(i));
    }
  }
  return c;
}

// Applies a compaction to one column of a structure-of-arrays store.
template <class T>
void compact_column(const Compaction& c, std::vector<T>& column) {
  for (std::size_t i = 0; i < c.new_to_old.size(); ++i) column[i] = column[c.new_to_old[i]];
  column.resize(c.new_to_old.size());
}

// A store is a struct whose columns() returns a std::tie of its std::vector members.
template <class Store>
void compact_store(const Compaction& c, Store& store) {
  std::apply([&](auto&... col) { (compact_column(c, col), ...); }, store.columns());
}

// Reorders every column of a store: row i of the result is row order[i] of the input
// (order must be a permutation).
template <class Store>
void permute_store(const std::vector<std::uint32_t>& order, Store& store) {
  std::apply(
      [&](auto&... col) {
        auto one = [&](auto& c) {
          auto copy = c;
          for (std::size_t i = 0; i < order.size(); ++i) c[i] = copy[order[i]];
        };
        (one(col), ...);
      },
      store.columns());
}

// Grows every column of a store to n rows (new rows value-initialised).
template <class Store>
void resize_store(Store& store, std::size_t n) {
  std::apply([&](auto&... col) { (col.resize(n), ...); }, store.columns());
}

}  // namespace sentra
