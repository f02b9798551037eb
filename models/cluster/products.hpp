#pragma once
// Products as markets. The model has a fixed catalogue of six products, the sentra counts'
// categories; every agent makes, trades or buys exactly one, and trade ties (supply and sales
// edges) join only agents of the same product, so a product's firms compete with each other
// and with that product's imports, not with the firms of other products. Tariffs and the
// quality of imports are set per product (ProductParams).
//
// How agents get their product:
//   clusters        drawn by share (a sentra makes one product); their members take it
//   other SMEs      drawn by share; entrants likewise, spin-offs take their parent's
//   traders, buyers, big firms: no draws; each block of them (a region's traders, a region's
//                   buyers of one segment, all big firms) is split over products by
//                   ProductApportionment, in proportion to the SMEs making each product there
//                   (the region's for traders and buyers, the nation's for big firms), so
//                   every product market of a region has the economy's ratio of firms to
//                   traders and buyers: a region of furniture sentra has furniture traders
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "models/cluster/params.hpp"

namespace sentra::cluster {

struct ProductInfo {
  std::string_view key;   // in scenario keys (products.<key>.share) and output names (sme_sales_<key>)
  std::string_view name;  // as the sentra counts name it
  double share;           // share of sentra in 2017
};

// Sentra by product in 2017 (industry.co.id/read/7097; MODEL_NOTES §1 "Sentra counts").
inline constexpr std::array<ProductInfo, product_count> product_catalogue{{
    {"food", "food", 0.40},
    {"craft", "crafts", 0.23},
    {"clothing", "clothing", 0.16},
    {"chemicals", "chemicals and building materials", 0.10},
    {"furniture", "furniture", 0.06},
    {"metal", "metal", 0.05},
}};

using ProductShares = std::array<double, product_count>;

// products.<g>.share normalised to sum 1 (the scenario validator refuses an all-zero set).
ProductShares product_shares(const Params& p);

// The product whose interval of the cumulative shares holds u in [0, 1).
std::uint8_t product_by_share(const ProductShares& shares, double u);

// Shares proportional to counts (of SMEs by product); `otherwise` when they are all zero.
ProductShares shares_of(const std::array<double, product_count>& counts, const ProductShares& otherwise);

// Splits successive blocks of agents over products without draws: within a block the counts
// are the block's quotas (n × its shares) rounded by largest remainder, and what rounding
// gives or takes is carried to the next block, so small products take turns over small
// blocks (with 5 traders a region, metal gets one in every fourth region rather than in
// none). A block with at least as many agents as products with a positive share gives each
// of them one, so small products still get traders and buyers wherever a region has enough.
class ProductApportionment {
 public:
  // Counts per product for the next block of n agents (they sum to n).
  std::array<std::uint32_t, product_count> next_block(std::uint32_t n, const ProductShares& shares);

 private:
  ProductShares carry_{};  // quota owed minus seats given so far, per product
};

// Agents of one kind by (region, product), for drawing trade partners of the same product.
// A region with none of a product falls back on that product's agents of every region (a
// rare product's firms then trade with a trader or buyer further away). The national lists
// are gathered only when first asked for: at a million SMEs a second copy of every index
// would add 4 bytes per firm to the construction peak, for a fallback large worlds rarely use.
// Not thread-safe (the lazy lists): used by serial construction and boundary code.
class ProductPools {
 public:
  explicit ProductPools(std::size_t regions) : local_(regions * product_count), national_(product_count) {}
  void add(std::size_t region, std::uint8_t product, std::uint32_t agent) {
    local_[region * product_count + product].push_back(agent);
    gathered_[product] = false;
  }
  const std::vector<std::uint32_t>& local_or_national(std::size_t region, std::uint8_t product) {
    const auto& here = local_[region * product_count + product];
    return here.empty() ? national(product) : here;
  }
  // Every region's agents of the product, region by region.
  const std::vector<std::uint32_t>& national(std::uint8_t product) {
    if (!gathered_[product]) {
      auto& all = national_[product];
      all.clear();
      for (std::size_t r = 0; r < local_.size() / product_count; ++r) {
        const auto& here = local_[r * product_count + product];
        all.insert(all.end(), here.begin(), here.end());
      }
      gathered_[product] = true;
    }
    return national_[product];
  }

 private:
  std::vector<std::vector<std::uint32_t>> local_, national_;
  std::array<bool, product_count> gathered_{};
};

// Sets products.<key>.<field> (import_tariff, partner_tariff, import_quality, share) from a
// timeline event; false when `key` is not a product key.
bool set_product_parameter(Params& p, std::string_view key, double value);

}  // namespace sentra::cluster
