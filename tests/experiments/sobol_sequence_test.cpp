#include "experiments/sobol_sequence.hpp"

#include <doctest/doctest.h>

#include <boost/random/sobol.hpp>
#include <cstdint>
#include <stdexcept>
#include <vector>

using namespace sentra::experiments;

TEST_CASE("SobolSequence.first points match the published sequence") {
  // The unscrambled 2-D Sobol points in Gray-code order, as Joe and Kuo's generator and
  // SciPy's qmc.Sobol(2, scramble=False) give them.
  const double expected[8][2] = {{0, 0},         {0.5, 0.5},     {0.75, 0.25},  {0.25, 0.75},
                                 {0.375, 0.375}, {0.875, 0.875}, {0.625, 0.125}, {0.125, 0.625}};
  const SobolSequence s(2);
  for (std::uint64_t i = 0; i < 8; ++i) {
    CAPTURE(i);
    const auto x = s.point(i);
    CHECK(x[0] == expected[i][0]);
    CHECK(x[1] == expected[i][1]);
  }
  // Third dimension (s = 2, a = 1, m = 1, 3): 0, 1/2, 1/4, 3/4, 5/8, 1/8, 7/8, 3/8.
  const SobolSequence s3(3);
  const double third[8] = {0, 0.5, 0.25, 0.75, 0.625, 0.125, 0.875, 0.375};
  for (std::uint64_t i = 0; i < 8; ++i) CHECK(s3.point(i)[2] == third[i]);
}

TEST_CASE("SobolSequence.agrees with Boost's generator on every dimension") {
  // Boost.Random's sobol engine carries its own copy of Joe and Kuo's table; an independent
  // implementation on the same published numbers must give the same bits. Boost starts at
  // point 1 (it skips the origin).
  constexpr std::size_t dims = SobolSequence::max_dimensions;
  const SobolSequence mine(dims);
  boost::random::sobol_engine<std::uint32_t, 32> boost_sobol(dims);
  std::vector<double> x(dims);
  for (std::uint64_t i = 1; i <= 4096; ++i) {
    mine.point(i, x);
    for (std::size_t d = 0; d < dims; ++d) {
      const std::uint32_t theirs = boost_sobol();
      if (x[d] != double(theirs) * 0x1.0p-32) {
        CAPTURE(i);
        CAPTURE(d);
        CHECK(x[d] == double(theirs) * 0x1.0p-32);
        return;
      }
    }
  }
}

TEST_CASE("SobolSequence.each dimension's first 2^m points hit every interval of width 2^-m once") {
  const SobolSequence s(SobolSequence::max_dimensions);
  for (std::size_t d = 0; d < s.dimensions(); ++d) {
    std::vector<int> hits(64, 0);
    for (std::uint64_t i = 0; i < 64; ++i) hits[static_cast<std::size_t>(s.point(i)[d] * 64)] += 1;
    for (int h : hits) CHECK(h == 1);
  }
}

TEST_CASE("SobolSequence.refuses impossible dimensions and indices") {
  CHECK_THROWS_AS(SobolSequence(0), std::invalid_argument);
  CHECK_THROWS_AS(SobolSequence(SobolSequence::max_dimensions + 1), std::invalid_argument);
  CHECK_THROWS_AS(SobolSequence(1).point(std::uint64_t{1} << 32), std::out_of_range);
}
