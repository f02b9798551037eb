#pragma once
// Random stream ids of the model: one per subsystem, so adding draws to one never shifts
// the numbers another sees (engine/random.hpp keys streams by (seed, stream, agent)).
#include <cstdint>

namespace sentra::cluster::stream {
inline constexpr std::uint32_t init_region = 1;
inline constexpr std::uint32_t init_sme = 2;
inline constexpr std::uint32_t init_intermediary = 3;
// 4 was the big firms' sizes, now spread evenly without draws
inline constexpr std::uint32_t init_supply_edges = 5;
inline constexpr std::uint32_t init_sales_edges = 6;
inline constexpr std::uint32_t init_partnerships = 7;
inline constexpr std::uint32_t init_social_edges = 8;
inline constexpr std::uint32_t buyer_choice = 20;
inline constexpr std::uint32_t sme_exit = 21;
inline constexpr std::uint32_t social_meeting = 22;
inline constexpr std::uint32_t entry_count = 23;
inline constexpr std::uint32_t entrant = 24;
inline constexpr std::uint32_t partner_offers = 25;
inline constexpr std::uint32_t partner_terms = 26;
inline constexpr std::uint32_t joint_action = 27;
inline constexpr std::uint32_t informality_review = 30;
inline constexpr std::uint32_t spinoff = 31;
inline constexpr std::uint32_t material_supply = 32;
inline constexpr std::uint32_t strategy = 33;
inline constexpr std::uint32_t trader_visit = 40;  // traders' visits to clusters, by trader index
// 41-44 are reserved for export-buyer mechanics
inline constexpr std::uint32_t cluster_product = 45;  // a cluster's product, by cluster index
inline constexpr std::uint32_t sme_product = 46;      // an unclustered SME's product, by uid
}  // namespace sentra::cluster::stream
