#pragma once
// How the process's allocator treats large blocks (the world's columns and layers, the
// yearly rebuild's temporaries), for the commands that hold one big world.

namespace sentra::cli {

// Large blocks get pages of their own, given back to the kernel when freed. glibc's default
// raises its mmap threshold each time such a block is freed (up to 32 MiB); after that,
// arrays of a few MB come from the heap and leave resident holes in it when they are freed.
// At 10^6 SMEs that added about 25 bytes per SME to the peak of building the world and
// 35 MB of free heap after each yearly boundary (docs/performance.md, "Memory past
// compaction"). `sentra sweep` sets its own policy (many small worlds, many HDF5 buffers).
void give_large_blocks_back();

}  // namespace sentra::cli
