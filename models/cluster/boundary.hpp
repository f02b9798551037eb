#pragma once
// What happens between two months: the timeline's policy events take effect, entry is drawn,
// and (every world.compact_every months) exited firms are compacted away, entrants join and
// the network is rebuilt. Structure changes only here, never inside a phase.
#include <cstdint>

#include "engine/scheduler.hpp"
#include "models/cluster/world.hpp"

namespace sentra::cluster {

// Applies the timeline events whose `at` equals w.step (called before the month's phases).
void apply_events(World& w);

// Draws this month's entrants per region (Poisson, damped by the local levy).
void draw_entry(World& w);

// A share of micro firms reconsider whether to stay informal (at each compaction boundary).
void review_informality(World& w);

// Removes exited SMEs, adds pending entrants with their edges, forms new partnerships
// (partnership_formation.hpp), rebuilds every layer. The month's arrays (offers, fill
// ratios, per-edge orders and prices) are freed on the way and come back zeroed, sized for
// the new world: nothing in here may read them after their release points.
void compact_and_enter(World& w, Scheduler& scheduler);

// Throws std::runtime_error (month, SME count, the memory it would need, the entry keys)
// when a world of `smes` SMEs would not fit in this machine's memory or its 32-bit ids:
// compact_and_enter calls it before entrants join, so runaway entry stops with a message.
void refuse_growth_beyond_memory(const World& w, std::uint64_t smes);

// Makes next month's information current.
void swap_information(World& w, Scheduler& scheduler);

}  // namespace sentra::cluster
