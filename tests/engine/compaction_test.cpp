#include "engine/compaction.hpp"

#include <doctest/doctest.h>

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
  CHECK(c.new_to_old == std::vector<std::uint32_t>{0, 1, 2, 3});
}
