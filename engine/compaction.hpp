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
  std::vector<std::uint32_t> old_to_new;  // removed_id for agents that exited; survivors keep their order
  std::uint32_t kept = 0;

  std::size_t survivors() const { return kept; }
  bool changes_anything() const { return kept != old_to_new.size(); }
};

inline Compaction plan_compaction(std::span<const std::uint8_t> alive) {
  Compaction c;
  c.old_to_new.resize(alive.size(), removed_id);
  for (std::size_t i = 0; i < alive.size(); ++i)
    if (alive[i]) c.old_to_new[i] = c.kept++;
  return c;
}

// Applies a compaction to one column of a structure-of-arrays store, in place: survivors
// only move forward (old_to_new[i] <= i), so no copy of the column is needed. Then sizes
// the column to `rows` (>= survivors; new rows value-initialised, e.g. for entrants). A
// column that must grow is reallocated to exactly `rows`: std::vector::resize would double
// its capacity, and a store grown that way holds up to twice its size.
template <class T>
void compact_column(const Compaction& c, std::vector<T>& column, std::size_t rows) {
  for (std::size_t i = 0; i < c.old_to_new.size(); ++i)
    if (const auto j = c.old_to_new[i]; j != removed_id) column[j] = column[i];
  column.resize(c.survivors());
  if (rows > column.capacity()) {
    std::vector<T> grown;
    grown.reserve(rows);
    grown.assign(column.begin(), column.end());
    column = std::move(grown);
  }
  column.resize(rows);
}

// A store is a struct whose columns() returns a std::tie of its std::vector members. Its
// columns are compacted one after another, so a store that grows holds at most one
// column twice at a time.
template <class Store>
void compact_store(const Compaction& c, Store& store, std::size_t rows) {
  std::apply([&](auto&... col) { (compact_column(c, col, rows), ...); }, store.columns());
}

template <class Store>
void compact_store(const Compaction& c, Store& store) {
  compact_store(c, store, c.survivors());
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
