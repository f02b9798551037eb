#include "engine/compaction.hpp"

#include <doctest/doctest.h>

#include <random>
#include <vector>

namespace {
struct Store {
  std::vector<float> x;
  std::vector<std::uint32_t> uid;
  auto columns() { return std::tie(x, uid); }
};
}  // namespace

TEST_CASE("Compaction.removes exited agents and keeps survivors in order") {
  Store s{{0.f, 1.f, 2.f, 3.f, 4.f}, {10, 11, 12, 13, 14}};
  const std::vector<std::uint8_t> alive{1, 0, 1, 0, 1};
  const auto c = sentra::plan_compaction(alive);
  CHECK(c.survivors() == 3);
  CHECK(c.changes_anything());
  CHECK(c.old_to_new == std::vector<std::uint32_t>{0, sentra::removed_id, 1, sentra::removed_id, 2});
  sentra::compact_store(c, s);
  CHECK(s.x == std::vector<float>{0.f, 2.f, 4.f});
  CHECK(s.uid == std::vector<std::uint32_t>{10, 12, 14});
  sentra::resize_store(s, 5);
  CHECK(s.uid.size() == 5);
  CHECK(s.uid[4] == 0);
}

TEST_CASE("Compaction.with everyone alive is the identity") {
  const std::vector<std::uint8_t> alive(4, 1);
  const auto c = sentra::plan_compaction(alive);
  CHECK_FALSE(c.changes_anything());
  CHECK(c.old_to_new == std::vector<std::uint32_t>{0, 1, 2, 3});
}

namespace {
// Compaction as it was first written: a copy of the surviving rows, then a resize.
template <class T>
std::vector<T> compacted_copy(const std::vector<std::uint8_t>& alive, const std::vector<T>& column, std::size_t rows) {
  std::vector<T> out;
  for (std::size_t i = 0; i < alive.size(); ++i)
    if (alive[i]) out.push_back(column[i]);
  out.resize(rows);
  return out;
}
}  // namespace

TEST_CASE("Compaction.in place equals a copy of the survivors on random masks, and grows to exact size") {
  std::mt19937 gen(11);
  for (int round = 0; round < 200; ++round) {
    const std::size_t n = gen() % 300;
    std::vector<std::uint8_t> alive(n);
    for (auto& a : alive) a = gen() % 4 != 0 || round % 7 == 0;
    Store s;
    for (std::size_t i = 0; i < n; ++i) {
      s.x.push_back(float(gen() % 1000));
      s.uid.push_back(std::uint32_t(i));
    }
    s.uid.shrink_to_fit();
    const auto capacity = s.uid.capacity();
    const auto c = sentra::plan_compaction(alive);
    const std::size_t rows = c.survivors() + gen() % 2 * (gen() % 200);  // entrants, sometimes more than left
    const auto x = compacted_copy(alive, s.x, rows);
    const auto uid = compacted_copy(alive, s.uid, rows);
    sentra::compact_store(c, s, rows);
    CHECK(s.x == x);
    CHECK(s.uid == uid);
    // A column that had to grow holds exactly its rows, not twice as many.
    if (rows > capacity) CHECK(s.uid.capacity() == rows);
  }
}
