#include "cli/large_blocks.hpp"

#include <malloc.h>

namespace sentra::cli {

void give_large_blocks_back() {
  // Setting the threshold fixes it (glibc stops adjusting it). 256 KiB: the smallest
  // columns of a 10^6-SME world (one byte per SME) are well above it, HDF5's and the
  // phases' small buffers below it.
  mallopt(M_MMAP_THRESHOLD, 256 << 10);
}

}  // namespace sentra::cli
