#pragma once
// Tuning of the HDF5 layout. The defaults suit monthly runs of a few hundred steps with
// up to a few million agents; they change file size and speed, never the values stored.
#include <cstddef>

namespace sentra::output {

struct WriterOptions {
  std::size_t chunk_steps = 64;         // chunk length of every per-step series
  int deflate_level = 4;                // 0 = no compression (and no shuffle), 1..9 = deflate
  std::size_t chunk_elements = 65536;   // chunk length of ragged agent/network columns
};

}  // namespace sentra::output
