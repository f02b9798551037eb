#pragma once
// Tuning of the HDF5 layout. The defaults suit monthly runs of a few hundred steps with
// up to a few million agents; they change file size and speed, never the values stored.
#include <cstddef>

namespace sentra::output {

struct WriterOptions {
  std::size_t chunk_steps = 64;         // chunk length of every per-step series
  // 0 = no compression (and no shuffle), 1..9 = deflate. Level 1: after the shuffle filter,
  // level 4 made files only about 3.5% smaller (baseline run: 12.2 vs 12.6 MB) for about a
  // tenth more of a small run's instructions (docs/performance.md, run files).
  int deflate_level = 1;
  std::size_t chunk_elements = 65536;   // chunk length of ragged agent/network columns
};

}  // namespace sentra::output
