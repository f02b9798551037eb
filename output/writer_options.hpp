#pragma once
// Tuning of the HDF5 layout. The defaults suit monthly runs of a few hundred steps with
// up to a few million agents; they change file size and speed, never the values stored.
#include <algorithm>
#include <cstddef>
#include <cstdint>

namespace sentra::output {

struct WriterOptions {
  std::size_t chunk_steps = 64;         // chunk length of every per-step series
  // 0 = no compression (and no shuffle), 1..9 = deflate. Level 1: after the shuffle filter,
  // level 4 made files only about 3.5% smaller (baseline run: 12.2 vs 12.6 MB) for about a
  // tenth more of a small run's instructions (docs/performance.md, run files).
  int deflate_level = 1;
  std::size_t chunk_elements = 65536;   // chunk length of agent/network snapshot tables
};

// The defaults for a run of `steps` steps: a run shorter than chunk_steps gets its series
// in one chunk of exactly its length. HDF5 compresses whole chunks, fill values included,
// so a 36-step run in 64-step chunks deflated almost twice its data.
inline WriterOptions options_for_steps(std::int64_t steps) {
  WriterOptions options;
  options.chunk_steps = static_cast<std::size_t>(
      std::clamp<std::int64_t>(steps, 1, static_cast<std::int64_t>(options.chunk_steps)));
  return options;
}

}  // namespace sentra::output
