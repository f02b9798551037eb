#pragma once
// Messages between agents, delivered per receiver in (receiver, sender, sequence) order.
//
// During a parallel phase any agent may post; posts land in per-thread outboxes without
// locks. deliver() then orders everything by the full key, so what a receiver reads never
// depends on which thread posted first. A sender numbers its own messages (sequence), which
// makes the key unique.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include <oneapi/tbb/enumerable_thread_specific.h>

namespace sentra {

template <class Payload>
struct Message {
  std::uint32_t receiver;
  std::uint32_t sender;
  std::uint32_t sequence;
  Payload payload;
};

template <class Payload>
class MessageBuckets {
 public:
  using Msg = Message<Payload>;

  // Safe to call concurrently from inside a parallel phase.
  void post(std::uint32_t receiver, std::uint32_t sender, std::uint32_t sequence,
            const Payload& payload) {
    outboxes_.local().push_back(Msg{receiver, sender, sequence, payload});
  }

  // Gathers all posts and sorts them by receiver (counting sort), then by (sender, sequence)
  // within each receiver. Call between phases, not during one.
  void deliver(std::size_t receivers) {
    std::size_t total = 0;
    for (auto& box : outboxes_) total += box.size();
    start_.assign(receivers + 1, 0);
    for (auto& box : outboxes_)
      for (const auto& m : box) ++start_[m.receiver + 1];
    for (std::size_t r = 0; r < receivers; ++r) start_[r + 1] += start_[r];
    inbox_.resize(total);
    std::vector<std::size_t> fill(start_.begin(), start_.end() - 1);
    for (auto& box : outboxes_) {
      for (const auto& m : box) inbox_[fill[m.receiver]++] = m;
      box.clear();
    }
    for (std::size_t r = 0; r < receivers; ++r) {
      auto first = inbox_.begin() + static_cast<std::ptrdiff_t>(start_[r]);
      auto last = inbox_.begin() + static_cast<std::ptrdiff_t>(start_[r + 1]);
      std::sort(first, last, [](const Msg& a, const Msg& b) {
        return a.sender != b.sender ? a.sender < b.sender : a.sequence < b.sequence;
      });
    }
  }

  // Messages for `receiver`, ordered by (sender, sequence). Valid until the next deliver().
  std::span<const Msg> inbox(std::uint32_t receiver) const {
    if (receiver + 1 >= start_.size()) return {};
    return std::span<const Msg>(inbox_.data() + start_[receiver],
                                start_[receiver + 1] - start_[receiver]);
  }

  std::size_t delivered() const { return inbox_.size(); }

 private:
  oneapi::tbb::enumerable_thread_specific<std::vector<Msg>> outboxes_;
  std::vector<std::size_t> start_;
  std::vector<Msg> inbox_;
};

}  // namespace sentra
