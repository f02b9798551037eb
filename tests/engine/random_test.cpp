#include "engine/random.hpp"

#include <doctest/doctest.h>

#include <array>
#include <cmath>
#include <vector>

using sentra::RandomStream;

TEST_CASE("RandomStream.philox matches the Random123 known-answer vector") {
  r123::Philox4x64 rng;
  const r123::Philox4x64::ctr_type c{{0, 0, 0, 0}};
  const r123::Philox4x64::key_type k{{0, 0}};
  const auto r = rng(c, k);
  CHECK(r.v[0] == 0x16554d9eca36314cULL);
  CHECK(r.v[1] == 0xdb20fe9d672d0fdcULL);
  CHECK(r.v[2] == 0xd7e772cee186176bULL);
  CHECK(r.v[3] == 0x7e68b68aec7ba23bULL);
}

TEST_CASE("RandomStream.same key and counter give the same numbers") {
  RandomStream a(42, 1, 7, 3, 2), b(42, 1, 7, 3, 2);
  for (int i = 0; i < 100; ++i) CHECK(a.bits() == b.bits());
}

TEST_CASE("RandomStream.each coordinate of key and counter changes the stream") {
  const auto first = [](RandomStream s) { return s.bits(); };
  const auto base = first(RandomStream(42, 1, 7, 3, 2));
  CHECK(first(RandomStream(43, 1, 7, 3, 2)) != base);
  CHECK(first(RandomStream(42, 2, 7, 3, 2)) != base);
  CHECK(first(RandomStream(42, 1, 8, 3, 2)) != base);
  CHECK(first(RandomStream(42, 1, 7, 4, 2)) != base);
  CHECK(first(RandomStream(42, 1, 7, 3, 3)) != base);
}

// Pinned values: any change to the key layout, counter layout or a distribution's algorithm
// shows up here. Values from uniform() and below() are exact integer arithmetic; the others go
// through libm (log, cos, exp, sqrt) and are compared to 1e-12.
TEST_CASE("RandomStream.pinned values of every distribution") {
  RandomStream s(20071, 3, 12345, 6, 2);
  CHECK(s.uniform() == 0.052678442136345982);
  CHECK(s.below(1000) == 727);
  CHECK(s.normal() == doctest::Approx(-2.0791246406623269).epsilon(1e-12));
  CHECK(s.exponential(2.0) == doctest::Approx(0.23097157851782554).epsilon(1e-12));
  CHECK(s.poisson(3.5) == 3);
  CHECK(s.poisson(250.0) == 268);
  const std::array<double, 4> u{0.1, 0.5, -0.3, 0.2};
  CHECK(s.logit_choice(u, 2.0) == 1);
}

TEST_CASE("RandomStream.bits_at is addressed by all six coordinates and pinned") {
  const auto base = RandomStream::bits_at(20071, 3, 12345, 6, 2, 999);
  CHECK(base == 0x8c5a9dcf5297aefeULL);
  CHECK(RandomStream::bits_at(20072, 3, 12345, 6, 2, 999) != base);
  CHECK(RandomStream::bits_at(20071, 4, 12345, 6, 2, 999) != base);
  CHECK(RandomStream::bits_at(20071, 3, 12346, 6, 2, 999) != base);
  CHECK(RandomStream::bits_at(20071, 3, 12345, 7, 2, 999) != base);
  CHECK(RandomStream::bits_at(20071, 3, 12345, 6, 3, 999) != base);
  CHECK(RandomStream::bits_at(20071, 3, 12345, 6, 2, 998) != base);
  // Never one of the sequential stream's values for the same coordinates.
  RandomStream s(20071, 3, 12345, 6, 2);
  for (std::uint64_t i = 0; i < 4000; ++i) CHECK(RandomStream::bits_at(20071, 3, 12345, 6, 2, i / 4) != s.bits());
  // Its uniforms are uniform.
  double sum = 0;
  for (std::uint64_t i = 0; i < 100000; ++i) sum += RandomStream::to_uniform(RandomStream::bits_at(1, 2, 3, 4, 5, i));
  CHECK(sum / 100000 == doctest::Approx(0.5).epsilon(0.005));
}

TEST_CASE("RandomStream.uniform moments are right") {
  RandomStream s(1, 0, 0, 0, 0);
  double sum = 0, sq = 0;
  const int n = 200000;
  for (int i = 0; i < n; ++i) {
    const double u = s.uniform();
    REQUIRE(u >= 0.0);
    REQUIRE(u < 1.0);
    sum += u;
    sq += u * u;
  }
  CHECK(sum / n == doctest::Approx(0.5).epsilon(0.005));
  CHECK(sq / n - (sum / n) * (sum / n) == doctest::Approx(1.0 / 12).epsilon(0.01));
}

TEST_CASE("RandomStream.normal, exponential and Poisson have the right mean and variance") {
  RandomStream s(9, 1, 2, 3, 4);
  const int n = 200000;
  double m = 0, v = 0, e = 0, p = 0, pv = 0, q = 0;
  for (int i = 0; i < n; ++i) {
    const double z = s.normal();
    m += z;
    v += z * z;
    e += s.exponential(4.0);
    const double k = static_cast<double>(s.poisson(2.5));
    p += k;
    pv += k * k;
    q += static_cast<double>(s.poisson(60.0));
  }
  CHECK(m / n == doctest::Approx(0.0).epsilon(0.01).scale(1));
  CHECK(v / n == doctest::Approx(1.0).epsilon(0.01));
  CHECK(e / n == doctest::Approx(0.25).epsilon(0.01));
  CHECK(p / n == doctest::Approx(2.5).epsilon(0.01));
  CHECK(pv / n - (p / n) * (p / n) == doctest::Approx(2.5).epsilon(0.02));
  CHECK(q / n == doctest::Approx(60.0).epsilon(0.005));
}

TEST_CASE("RandomStream.below is uniform over its range and never reaches n") {
  RandomStream s(5, 5, 5, 5, 5);
  std::vector<int> counts(7, 0);
  for (int i = 0; i < 70000; ++i) {
    const auto k = s.below(7);
    REQUIRE(k < 7);
    ++counts[k];
  }
  for (int c : counts) CHECK(c == doctest::Approx(10000).epsilon(0.05));
}

TEST_CASE("RandomStream.logit_choice frequencies follow the logit shares") {
  RandomStream s(11, 2, 3, 4, 5);
  const std::array<double, 3> u{0.0, std::log(2.0), std::log(5.0)};
  std::array<int, 3> counts{};
  const int n = 80000;
  for (int i = 0; i < n; ++i) ++counts[s.logit_choice(u, 1.0)];
  CHECK(counts[0] / double(n) == doctest::Approx(1.0 / 8).epsilon(0.05));
  CHECK(counts[1] / double(n) == doctest::Approx(2.0 / 8).epsilon(0.05));
  CHECK(counts[2] / double(n) == doctest::Approx(5.0 / 8).epsilon(0.05));
  CHECK(s.logit_choice(std::span<const double>{}, 1.0) == 0);
}

TEST_CASE("RandomStream.pick_weighted follows the weights and never picks a zero weight") {
  RandomStream s(12, 2, 3, 4, 5);
  const std::array<double, 4> w{1.0, 0.0, 3.0, 0.0};
  std::array<int, 4> counts{};
  for (int i = 0; i < 40000; ++i) ++counts[s.pick_weighted(w, 4.0)];
  CHECK(counts[1] == 0);
  CHECK(counts[3] == 0);
  CHECK(counts[0] / 40000.0 == doctest::Approx(0.25).epsilon(0.05));
  RandomStream p(20071, 3, 12345, 6, 2);
  CHECK(p.pick_weighted(w, 4.0) == 0);  // pinned: first uniform of this stream is 0.0527 < 0.25
}
