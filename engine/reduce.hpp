#pragma once
// Deterministic parallel reductions: the range is cut into fixed blocks, each block is
// reduced in index order, and the block results are added in block order. The sum is the
// same bit for bit at any thread count (floating-point addition is not associative, so a
// reduction tree that depends on scheduling would not be).
#include <algorithm>
#include <cstddef>
#include <vector>

#include "engine/scheduler.hpp"

namespace sentra {

// body(begin, end) returns the partial result for [begin, end); T needs operator+=.
template <class T, class Body>
T deterministic_reduce(Scheduler& scheduler, std::size_t n, const T& identity, Body&& body,
                       std::size_t block = Scheduler::default_grain) {
  if (n == 0) return identity;
  const std::size_t blocks = (n + block - 1) / block;
  std::vector<T> partials(blocks, identity);
  scheduler.for_each(
      blocks,
      [&](std::size_t b) { partials[b] = body(b * block, std::min(n, (b + 1) * block)); },
      1);
  T total = identity;
  for (const auto& p : partials) total += p;
  return total;
}

// Sum of f(i) over [0, n) in a fixed order.
template <class F>
double deterministic_sum(Scheduler& scheduler, std::size_t n, F&& f) {
  return deterministic_reduce(scheduler, n, 0.0, [&](std::size_t b, std::size_t e) {
    double s = 0.0;
    for (std::size_t i = b; i < e; ++i) s += f(i);
    return s;
  });
}

}  // namespace sentra
