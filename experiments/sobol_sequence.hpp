#pragma once
// The Sobol low-discrepancy sequence (Sobol 1967) in base 2: points that fill the unit cube
// far more evenly than random ones, so a variance-based sensitivity analysis (Saltelli's
// scheme, saltelli.hpp) converges with fewer runs. Unscrambled, so every point is a fixed
// number: the same design on any machine.
//
// Direction numbers: S. Joe and F. Y. Kuo, "Constructing Sobol sequences with better
// two-dimensional projections", SIAM J. Sci. Comput. 30 (2008) 2635-2654, from their file
// new-joe-kuo-6.21201 (the table in sobol_sequence.cpp; the same data ships in Boost as
// boost/random/detail/sobol_table.hpp, which the tests check this generator against).
// Points come in Gray-code order (Antonov and Saleev 1979), as in Joe and Kuo's own
// generator, SciPy and SALib: point 0 is the origin, then (1/2, ..., 1/2), ...
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace sentra::experiments {

class SobolSequence {
 public:
  static constexpr std::size_t max_dimensions = 64;
  static constexpr unsigned bits = 32;  // points are multiples of 2^-32; at most 2^32 of them

  // Throws std::invalid_argument for 0 or more than max_dimensions dimensions.
  explicit SobolSequence(std::size_t dimensions);

  std::size_t dimensions() const { return dimensions_; }

  // Point `index` (0 is the origin) into `out` (dimensions() values in [0, 1)), computed
  // directly from the index: x = XOR of the direction numbers of the bits set in
  // gray(index) = index ^ (index >> 1). Throws std::out_of_range for index >= 2^32.
  void point(std::uint64_t index, std::span<double> out) const;
  std::vector<double> point(std::uint64_t index) const;

 private:
  std::size_t dimensions_;
  std::vector<std::uint32_t> directions_;  // [dimension * bits + bit]: v_{bit+1} scaled by 2^32
};

}  // namespace sentra::experiments
