#include "experiments/full_factorial.hpp"

#include <doctest/doctest.h>

#include <stdexcept>
#include <vector>

using namespace sentra::experiments;

TEST_CASE("full_factorial.every combination, the last factor fastest") {
  const std::vector<std::size_t> levels = {2, 3};
  const auto rows = full_factorial(levels, 100);
  const std::vector<std::vector<std::size_t>> expected = {{0, 0}, {0, 1}, {0, 2}, {1, 0}, {1, 1}, {1, 2}};
  CHECK(rows == expected);
  CHECK(full_factorial_size(levels, 100) == 6);
  CHECK(full_factorial(std::vector<std::size_t>{}, 10).size() == 1);
}

TEST_CASE("full_factorial.refuses designs beyond the limit without overflowing") {
  const std::vector<std::size_t> huge = {1000000, 1000000, 1000000, 1000000};
  CHECK(full_factorial_size(huge, 1000000) == 0);
  CHECK_THROWS_AS(full_factorial(huge, 1000000), std::invalid_argument);
  CHECK(full_factorial_size(std::vector<std::size_t>{3, 0}, 100) == 0);
}
