#include "engine/reduce.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <cstring>

TEST_CASE("deterministic_sum.gives bit-identical sums at 1, 2 and 4 threads") {
  // Terms of wildly different magnitude make the sum depend on the order of addition.
  const std::size_t n = 100003;
  auto term = [](std::size_t i) { return std::pow(-1.0, double(i)) * std::exp(double(i % 97) / 3.0); };
  double sums[3];
  int threads[3] = {1, 2, 4};
  for (int k = 0; k < 3; ++k) {
    sentra::Scheduler s(threads[k]);
    sums[k] = sentra::deterministic_sum(s, n, term);
  }
  CHECK(std::memcmp(&sums[0], &sums[1], sizeof(double)) == 0);
  CHECK(std::memcmp(&sums[0], &sums[2], sizeof(double)) == 0);
  // and the value is the sum (to rounding)
  double plain = 0;
  for (std::size_t i = 0; i < n; ++i) plain += term(i);
  CHECK(sums[0] == doctest::Approx(plain).epsilon(1e-9));
}

TEST_CASE("deterministic_reduce.combines struct partials in block order") {
  struct Acc {
    long count = 0;
    double total = 0;
    Acc& operator+=(const Acc& o) {
      count += o.count;
      total += o.total;
      return *this;
    }
  };
  sentra::Scheduler s(2);
  const Acc r = sentra::deterministic_reduce(s, 10000, Acc{}, [](std::size_t b, std::size_t e) {
    Acc a;
    for (std::size_t i = b; i < e; ++i) {
      ++a.count;
      a.total += double(i);
    }
    return a;
  }, 64);
  CHECK(r.count == 10000);
  CHECK(r.total == doctest::Approx(10000.0 * 9999.0 / 2.0));
  CHECK(sentra::deterministic_sum(s, 0, [](std::size_t) { return 1.0; }) == 0.0);
}
