#pragma once
// Counter-based random streams (Random123 Philox4x64-10).
//
// A stream is keyed by (run seed, stream id, agent id) and counted by (step, phase, draw).
// Any agent can therefore draw its numbers in any thread, in any order, and get the same
// values: results do not depend on the thread count. No generator state is shared.
//
// The distributions are our own (not std::), because std:: distributions differ between
// standard libraries; their exact values are pinned in tests/engine/random_test.cpp.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <span>

#include <Random123/philox.h>

namespace sentra {

class RandomStream {
 public:
  // `stream` names a subsystem (e.g. "buyer choice"), so adding draws to one subsystem
  // never shifts the numbers another one sees.
  RandomStream(std::uint64_t seed, std::uint32_t stream, std::uint64_t agent,
               std::uint64_t step, std::uint32_t phase)
      : key_{{seed, (std::uint64_t{stream} << 48) ^ agent}},
        ctr_{{step, std::uint64_t{phase}, 0, 0}} {}

  // One value addressed directly by (seed, stream, agent, step, phase, index), with no
  // stream object: for draws keyed by a pair of agents (index = the other agent), such as
  // "does u infect v this step". Its counter's last word is 1, so these values never
  // coincide with a sequential stream's (whose last word is 0).
  static std::uint64_t bits_at(std::uint64_t seed, std::uint32_t stream, std::uint64_t agent,
                               std::uint64_t step, std::uint32_t phase, std::uint64_t index) {
    const r123::Philox4x64::key_type key{{seed, (std::uint64_t{stream} << 48) ^ agent}};
    const r123::Philox4x64::ctr_type ctr{{step, std::uint64_t{phase}, index, 1}};
    return r123::Philox4x64{}(ctr, key).v[0];
  }

  // Uniform on [0, 1) from 64 bits, as uniform() makes it.
  static double to_uniform(std::uint64_t bits) { return static_cast<double>(bits >> 11) * 0x1.0p-53; }

  // 64 uniformly distributed bits.
  std::uint64_t bits() {
    if (used_ == 4) refill();
    return block_.v[used_++];
  }

  // Uniform on [0, 1), 53 bits of resolution.
  double uniform() { return to_uniform(bits()); }

  // Uniform on (0, 1): never 0, so log() is safe.
  double uniform_open() { return (static_cast<double>(bits() >> 11) + 0.5) * 0x1.0p-53; }

  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

  // Integer uniform on [0, n) by Lemire's multiply-shift with rejection (no modulo bias).
  std::uint64_t below(std::uint64_t n);

  bool bernoulli(double p) { return uniform() < p; }

  // Standard normal by Box-Muller (one value per call; two uniforms consumed).
  double normal() {
    const double u1 = uniform_open();
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  }
  double normal(double mean, double sd) { return mean + sd * normal(); }

  double exponential(double rate) { return -std::log(uniform_open()) / rate; }

  // Poisson counts: multiplication method for small means, PTRS (Hörmann 1993) above 10.
  std::uint64_t poisson(double mean);

  // Picks index i with probability w[i] / total, where total = sum of w (non-negative
  // weights, computed once by the caller when it draws several times from one set).
  std::size_t pick_weighted(std::span<const double> weights, double total);

  // Picks index i with probability exp(beta*u[i]) / sum_j exp(beta*u[j]) (multinomial logit)
  // using one uniform draw. Returns u.size() when u is empty.
  std::size_t logit_choice(std::span<const double> utilities, double beta);

 private:
  void refill() {
    block_ = r123::Philox4x64{}(ctr_, key_);
    ++ctr_.v[2];  // the draw counter
    used_ = 0;
  }

  r123::Philox4x64::key_type key_;
  r123::Philox4x64::ctr_type ctr_;
  r123::Philox4x64::ctr_type block_{};
  unsigned used_ = 4;
};

}  // namespace sentra
