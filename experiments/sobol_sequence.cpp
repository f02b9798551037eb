#include "experiments/sobol_sequence.hpp"

#include <stdexcept>
#include <string>

namespace sentra::experiments {
namespace {

// One row of new-joe-kuo-6.21201 (Joe and Kuo 2008) for dimensions 2..64: the degree s of
// the primitive polynomial, its inner coefficients a (bit s-2 is the coefficient of x^(s-1),
// ..., bit 0 that of x), and the initial direction numbers m_1..m_s (m_k odd, < 2^k).
// Dimension 1 is not in the file: it is van der Corput's sequence, m_k = 1 for every k.
struct Primitive {
  unsigned degree;
  unsigned coefficients;
  unsigned m[9];
};

constexpr Primitive joe_kuo[SobolSequence::max_dimensions - 1] = {
    {1,  0, {1}},  // d = 2
    {2,  1, {1, 3}},  // d = 3
    {3,  1, {1, 3, 1}},  // d = 4
    {3,  2, {1, 1, 1}},  // d = 5
    {4,  1, {1, 1, 3, 3}},  // d = 6
    {4,  4, {1, 3, 5, 13}},  // d = 7
    {5,  2, {1, 1, 5, 5, 17}},  // d = 8
    {5,  4, {1, 1, 5, 5, 5}},  // d = 9
    {5,  7, {1, 1, 7, 11, 19}},  // d = 10
    {5, 11, {1, 1, 5, 1, 1}},  // d = 11
    {5, 13, {1, 1, 1, 3, 11}},  // d = 12
    {5, 14, {1, 3, 5, 5, 31}},  // d = 13
    {6,  1, {1, 3, 3, 9, 7, 49}},  // d = 14
    {6, 13, {1, 1, 1, 15, 21, 21}},  // d = 15
    {6, 16, {1, 3, 1, 13, 27, 49}},  // d = 16
    {6, 19, {1, 1, 1, 15, 7, 5}},  // d = 17
    {6, 22, {1, 3, 1, 15, 13, 25}},  // d = 18
    {6, 25, {1, 1, 5, 5, 19, 61}},  // d = 19
    {7,  1, {1, 3, 7, 11, 23, 15, 103}},  // d = 20
    {7,  4, {1, 3, 7, 13, 13, 15, 69}},  // d = 21
    {7,  7, {1, 1, 3, 13, 7, 35, 63}},  // d = 22
    {7,  8, {1, 3, 5, 9, 1, 25, 53}},  // d = 23
    {7, 14, {1, 3, 1, 13, 9, 35, 107}},  // d = 24
    {7, 19, {1, 3, 1, 5, 27, 61, 31}},  // d = 25
    {7, 21, {1, 1, 5, 11, 19, 41, 61}},  // d = 26
    {7, 28, {1, 3, 5, 3, 3, 13, 69}},  // d = 27
    {7, 31, {1, 1, 7, 13, 1, 19, 1}},  // d = 28
    {7, 32, {1, 3, 7, 5, 13, 19, 59}},  // d = 29
    {7, 37, {1, 1, 3, 9, 25, 29, 41}},  // d = 30
    {7, 41, {1, 3, 5, 13, 23, 1, 55}},  // d = 31
    {7, 42, {1, 3, 7, 3, 13, 59, 17}},  // d = 32
    {7, 50, {1, 3, 1, 3, 5, 53, 69}},  // d = 33
    {7, 55, {1, 1, 5, 5, 23, 33, 13}},  // d = 34
    {7, 56, {1, 1, 7, 7, 1, 61, 123}},  // d = 35
    {7, 59, {1, 1, 7, 9, 13, 61, 49}},  // d = 36
    {7, 62, {1, 3, 3, 5, 3, 55, 33}},  // d = 37
    {8, 14, {1, 3, 1, 15, 31, 13, 49, 245}},  // d = 38
    {8, 21, {1, 3, 5, 15, 31, 59, 63, 97}},  // d = 39
    {8, 22, {1, 3, 1, 11, 11, 11, 77, 249}},  // d = 40
    {8, 38, {1, 3, 1, 11, 27, 43, 71, 9}},  // d = 41
    {8, 47, {1, 1, 7, 15, 21, 11, 81, 45}},  // d = 42
    {8, 49, {1, 3, 7, 3, 25, 31, 65, 79}},  // d = 43
    {8, 50, {1, 3, 1, 1, 19, 11, 3, 205}},  // d = 44
    {8, 52, {1, 1, 5, 9, 19, 21, 29, 157}},  // d = 45
    {8, 56, {1, 3, 7, 11, 1, 33, 89, 185}},  // d = 46
    {8, 67, {1, 3, 3, 3, 15, 9, 79, 71}},  // d = 47
    {8, 70, {1, 3, 7, 11, 15, 39, 119, 27}},  // d = 48
    {8, 84, {1, 1, 3, 1, 11, 31, 97, 225}},  // d = 49
    {8, 97, {1, 1, 1, 3, 23, 43, 57, 177}},  // d = 50
    {8, 103, {1, 3, 7, 7, 17, 17, 37, 71}},  // d = 51
    {8, 115, {1, 3, 1, 5, 27, 63, 123, 213}},  // d = 52
    {8, 122, {1, 1, 3, 5, 11, 43, 53, 133}},  // d = 53
    {9,  8, {1, 3, 5, 5, 29, 17, 47, 173, 479}},  // d = 54
    {9, 13, {1, 3, 3, 11, 3, 1, 109, 9, 69}},  // d = 55
    {9, 16, {1, 1, 1, 5, 17, 39, 23, 5, 343}},  // d = 56
    {9, 22, {1, 3, 1, 5, 25, 15, 31, 103, 499}},  // d = 57
    {9, 25, {1, 1, 1, 11, 11, 17, 63, 105, 183}},  // d = 58
    {9, 44, {1, 1, 5, 11, 9, 29, 97, 231, 363}},  // d = 59
    {9, 47, {1, 1, 5, 15, 19, 45, 41, 7, 383}},  // d = 60
    {9, 52, {1, 3, 7, 7, 31, 19, 83, 137, 221}},  // d = 61
    {9, 55, {1, 1, 1, 3, 23, 15, 111, 223, 83}},  // d = 62
    {9, 59, {1, 1, 5, 13, 31, 15, 55, 25, 161}},  // d = 63
    {9, 62, {1, 1, 3, 13, 25, 47, 39, 87, 257}},  // d = 64
};

}  // namespace

SobolSequence::SobolSequence(std::size_t dimensions) : dimensions_(dimensions) {
  if (dimensions == 0 || dimensions > max_dimensions)
    throw std::invalid_argument("SobolSequence: dimensions must be in [1, " + std::to_string(max_dimensions) +
                                "], got " + std::to_string(dimensions));
  directions_.assign(dimensions * bits, 0);
  for (unsigned k = 0; k < bits; ++k) directions_[k] = 1u << (bits - 1 - k);  // m_k = 1
  for (std::size_t d = 1; d < dimensions; ++d) {
    const Primitive& p = joe_kuo[d - 1];
    std::uint32_t* v = directions_.data() + d * bits;  // v[k] is Joe and Kuo's V_{k+1}
    const unsigned s = p.degree;
    for (unsigned k = 0; k < s && k < bits; ++k) v[k] = p.m[k] << (bits - 1 - k);
    // The recurrence of the primitive polynomial (Bratley and Fox 1988, as in Joe and
    // Kuo's sobol.cc): V_i = V_{i-s} ^ (V_{i-s} >> s) ^ sum over l of a_l V_{i-l}.
    for (unsigned k = s; k < bits; ++k) {
      std::uint32_t x = v[k - s] ^ (v[k - s] >> s);
      for (unsigned l = 1; l < s; ++l)
        if ((p.coefficients >> (s - 1 - l)) & 1u) x ^= v[k - l];
      v[k] = x;
    }
  }
}

void SobolSequence::point(std::uint64_t index, std::span<double> out) const {
  if (index >> bits) throw std::out_of_range("SobolSequence: index " + std::to_string(index) + " is beyond 2^32");
  if (out.size() != dimensions_) throw std::invalid_argument("SobolSequence::point: wrong output size");
  const std::uint64_t gray = index ^ (index >> 1);
  for (std::size_t d = 0; d < dimensions_; ++d) {
    const std::uint32_t* v = directions_.data() + d * bits;
    std::uint32_t x = 0;
    for (unsigned k = 0; k < bits; ++k)
      if ((gray >> k) & 1u) x ^= v[k];
    out[d] = static_cast<double>(x) * 0x1.0p-32;
  }
}

std::vector<double> SobolSequence::point(std::uint64_t index) const {
  std::vector<double> out(dimensions_);
  point(index, out);
  return out;
}

}  // namespace sentra::experiments
