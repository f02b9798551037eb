// The build keeps IEEE float semantics: a value cast to float is rounded to float, also when
// it is then summed in double beside another such sum. GCC 12 at -O3 drops that rounding when
// its basic-block (SLP) vectorizer packs the two sums into one vector; cmake/FloatSemantics.cmake
// turns that pass off. Without it, this test fails with Debian 12's GCC in a Release build.
#include <doctest/doctest.h>

#include <cstring>

namespace {

struct Split {
  float units, exports;
};

// The shape of a trader's order on one tie (models/cluster/supply_orders.hpp).
inline Split split(double home, double exports, double share) {
  return {static_cast<float>(home * share + exports * share), static_cast<float>(exports * share)};
}

// Out of line, so the compiler cannot fold the inputs into constants.
[[gnu::noinline]] void sum_splits(const double* home, const double* exports, const double* share, int n,
                                  double* out) {
  double units = 0, exported = 0, value = 0;
  for (int i = 0; i < n; ++i) {
    const Split s = split(home[i], exports[i], share[i]);
    units += s.units;
    exported += s.exports;
    value += double(s.units) * 1.5;
  }
  out[0] = units;
  out[1] = exported;
  out[2] = value;
}

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

}  // namespace

TEST_CASE("float semantics.a cast to float rounds, also inside sums in double the compiler may vectorise") {
  const double home[3] = {1.0 / 3, 2.0 / 7, 5.0 / 11}, exports[3] = {1.0 / 13, 1.0 / 17, 1.0 / 19},
               share[3] = {0.3, 0.7, 0.9};
  double got[3];
  sum_splits(home, exports, share, 3, got);
  // The same sums with every float stored through a volatile, which no optimisation may skip.
  double want[3] = {0, 0, 0};
  for (int i = 0; i < 3; ++i) {
    volatile float units = static_cast<float>(home[i] * share[i] + exports[i] * share[i]);
    volatile float exported = static_cast<float>(exports[i] * share[i]);
    want[0] += units;
    want[1] += exported;
    want[2] += double(units) * 1.5;
  }
  for (int k = 0; k < 3; ++k) CHECK(same_bits(got[k], want[k]));
}
