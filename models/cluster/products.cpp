#include "models/cluster/products.hpp"

#include <cmath>
#include <cstdint>

namespace sentra::cluster {

ProductShares product_shares(const Params& p) {
  ProductShares s{};
  double total = 0;
  for (std::size_t g = 0; g < product_count; ++g) total += s[g] = p.products[g].share;
  for (auto& x : s) x = total > 0 ? x / total : 1.0 / double(product_count);
  return s;
}

std::uint8_t product_by_share(const ProductShares& shares, double u) {
  std::size_t last = 0;  // the last product with a positive share takes what rounding leaves
  for (std::size_t g = 0; g < product_count; ++g) {
    if (shares[g] <= 0) continue;
    last = g;
    if (u < shares[g]) return static_cast<std::uint8_t>(g);
    u -= shares[g];
  }
  return static_cast<std::uint8_t>(last);
}

ProductShares shares_of(const std::array<double, product_count>& counts, const ProductShares& otherwise) {
  double total = 0;
  for (const double c : counts) total += c;
  if (total <= 0) return otherwise;
  ProductShares s{};
  for (std::size_t g = 0; g < product_count; ++g) s[g] = counts[g] / total;
  return s;
}

std::array<std::uint32_t, product_count> ProductApportionment::next_block(std::uint32_t n, const ProductShares& shares) {
  ProductShares quota{};
  std::array<std::int64_t, product_count> count{};
  std::int64_t total = 0, positive = 0;
  for (std::size_t g = 0; g < product_count; ++g) {
    quota[g] = double(n) * shares[g] + carry_[g];
    count[g] = shares[g] > 0 ? std::max<std::int64_t>(0, static_cast<std::int64_t>(std::floor(quota[g]))) : 0;
    total += count[g];
    positive += shares[g] > 0;
  }
  // Largest remainder: seats left go to the products most owed; a negative carry can leave
  // floors summing above n, and then the most over-served give seats back. Ties: the lower
  // index, so the result depends on nothing but the shares and the block sizes.
  const auto pick = [&](auto better, auto eligible) {
    std::size_t best = product_count;
    for (std::size_t g = 0; g < product_count; ++g)
      if (eligible(g) && (best == product_count || better(quota[g] - double(count[g]), quota[best] - double(count[best]))))
        best = g;
    return best;
  };
  while (total < std::int64_t(n)) {
    ++count[pick([](double a, double b) { return a > b; }, [&](std::size_t g) { return shares[g] > 0; })];
    ++total;
  }
  while (total > std::int64_t(n)) {
    --count[pick([](double a, double b) { return a < b; }, [&](std::size_t g) { return count[g] > 0; })];
    --total;
  }
  for (std::size_t g = 0; g < product_count; ++g) carry_[g] = quota[g] - double(count[g]);
  // At least one of each product where the block is large enough, taken from the product
  // most over-served among those with two or more. This is not carried: small products are
  // slightly over-represented in blocks that barely hold every product, rather than starved.
  if (std::int64_t(n) >= positive)
    for (std::size_t g = 0; g < product_count; ++g) {
      if (shares[g] <= 0 || count[g] > 0) continue;
      const auto donor = pick([](double a, double b) { return a < b; }, [&](std::size_t h) { return count[h] > 1; });
      if (donor == product_count) break;
      --count[donor];
      ++count[g];
    }
  std::array<std::uint32_t, product_count> out{};
  for (std::size_t g = 0; g < product_count; ++g) out[g] = static_cast<std::uint32_t>(count[g]);
  return out;
}

bool set_product_parameter(Params& p, std::string_view key, double value) {
  constexpr std::string_view prefix = "products.";
  if (key.substr(0, prefix.size()) != prefix) return false;
  key.remove_prefix(prefix.size());
  for (std::size_t g = 0; g < product_count; ++g) {
    const auto name = product_catalogue[g].key;
    if (key.size() <= name.size() || key.substr(0, name.size()) != name || key[name.size()] != '.') continue;
    const auto field = key.substr(name.size() + 1);
    auto& q = p.products[g];
    if (field == "import_tariff") q.import_tariff = value;
    else if (field == "partner_tariff") q.partner_tariff = value;
    else if (field == "import_quality") q.import_quality = value;
    else return false;
    return true;
  }
  return false;
}

}  // namespace sentra::cluster
