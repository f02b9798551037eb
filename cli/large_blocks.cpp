#include "cli/large_blocks.hpp"

#include <malloc.h>

namespace sentra::cli {

void give_large_blocks_back() {
  // Setting the threshold fixes it (glibc stops adjusting it). 1 MiB: the four- and
  // eight-byte columns of a world of 10^6 SMEs and more are above it. Not lower: at 256 KiB
  // the columns of a 10^5-SME world (0.4-0.8 MB) got pages of their own too, and its months
  // ran 6% slower (the same peak at 10^6: sentra bench --smes 1000000 --steps 36).
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
}

}  // namespace sentra::cli
