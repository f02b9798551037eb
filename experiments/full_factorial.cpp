#include "experiments/full_factorial.hpp"

#include <stdexcept>
#include <string>

namespace sentra::experiments {

std::size_t full_factorial_size(std::span<const std::size_t> levels, std::size_t limit) {
  std::size_t n = 1;
  for (const std::size_t l : levels) {
    if (l == 0 || n > limit / l) return 0;
    n *= l;
  }
  return n <= limit ? n : 0;
}

std::vector<std::vector<std::size_t>> full_factorial(std::span<const std::size_t> levels, std::size_t limit) {
  const std::size_t n = full_factorial_size(levels, limit);
  if (n == 0) throw std::invalid_argument("full_factorial: more than " + std::to_string(limit) + " combinations");
  std::vector<std::vector<std::size_t>> out;
  out.reserve(n);
  std::vector<std::size_t> index(levels.size(), 0);
  for (std::size_t row = 0; row < n; ++row) {
    out.push_back(index);
    for (std::size_t f = levels.size(); f-- > 0;) {  // odometer: the last factor turns fastest
      if (++index[f] < levels[f]) break;
      index[f] = 0;
    }
  }
  return out;
}

}  // namespace sentra::experiments
