#include "engine/message_buckets.hpp"

#include <doctest/doctest.h>

#include "engine/scheduler.hpp"

TEST_CASE("MessageBuckets.deliver orders by receiver, sender, sequence at any thread count") {
  std::vector<std::vector<std::tuple<std::uint32_t, std::uint32_t, int>>> runs;
  for (int threads : {1, 2, 4}) {
    sentra::Scheduler s(threads);
    sentra::MessageBuckets<int> mb;
    // 5000 senders each post 3 messages to receivers chosen by a hash; posted in parallel.
    s.for_each(5000, [&](std::size_t i) {
      for (std::uint32_t k = 0; k < 3; ++k) {
        const auto r = static_cast<std::uint32_t>((i * 7919 + k * 104729) % 97);
        mb.post(r, static_cast<std::uint32_t>(i), 2 - k, static_cast<int>(i * 10 + k));
      }
    }, 16);
    mb.deliver(97);
    CHECK(mb.delivered() == 15000);
    std::vector<std::tuple<std::uint32_t, std::uint32_t, int>> flat;
    for (std::uint32_t r = 0; r < 97; ++r) {
      const auto in = mb.inbox(r);
      for (std::size_t j = 0; j < in.size(); ++j) {
        CHECK(in[j].receiver == r);
        if (j > 0) {
          const bool ordered = in[j - 1].sender < in[j].sender ||
                               (in[j - 1].sender == in[j].sender && in[j - 1].sequence < in[j].sequence);
          CHECK(ordered);
        }
        flat.emplace_back(r, in[j].sender, in[j].payload);
      }
    }
    runs.push_back(flat);
  }
  CHECK(runs[0] == runs[1]);
  CHECK(runs[0] == runs[2]);
}

TEST_CASE("MessageBuckets.a second delivery starts empty") {
  sentra::MessageBuckets<double> mb;
  mb.post(1, 0, 0, 2.5);
  mb.deliver(3);
  CHECK(mb.inbox(1).size() == 1);
  mb.deliver(3);
  CHECK(mb.inbox(1).empty());
  CHECK(mb.inbox(99).empty());
}
