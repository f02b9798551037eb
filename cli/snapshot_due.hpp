#pragma once
// Which months of a run carry agent and network snapshots: the first, every `every`-th and
// the last (`output.snapshot_every`, `output.network_every`; 0 means never). `sentra run`
// and each run of `sentra sweep` follow the same rule, so their run files match.
#include <cstdint>

namespace sentra::cli {

inline bool snapshot_due(std::int64_t every, std::int64_t t, std::int64_t steps) {
  return every > 0 && (t == 0 || (t + 1) % every == 0 || t == steps - 1);
}

}  // namespace sentra::cli
