#include "models/cluster/world_builder.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>

#include "engine/compaction.hpp"
#include "engine/random.hpp"
#include "models/cluster/partnership_patterns.hpp"
#include "models/cluster/phases.hpp"
#include "models/cluster/products.hpp"
#include "models/cluster/regional_policy.hpp"
#include "models/cluster/streams.hpp"

namespace sentra::cluster {

EmploymentDistribution::EmploymentDistribution(int lo, int hi, double mean) : lo_(lo) {
  // Exponents are taken relative to the band end with the largest weight, so exp() never
  // overflows whatever lambda the bisection tries.
  auto mean_for = [&](double lambda) {
    const int ref = lambda > 0 ? hi : lo;
    double w = 0, m = 0;
    for (int l = lo; l <= hi; ++l) {
      const double x = std::exp(lambda * (l - ref));
      w += x;
      m += x * l;
    }
    return m / w;
  };
  // The mean rises monotonically with lambda: bisect.
  double a = -20.0, b = 20.0;
  for (int it = 0; it < 200; ++it) {
    const double mid = 0.5 * (a + b);
    (mean_for(mid) < mean ? a : b) = mid;
  }
  const double lambda = 0.5 * (a + b);
  mean_ = mean_for(lambda);
  const int ref = lambda > 0 ? hi : lo;
  double total = 0;
  for (int l = lo; l <= hi; ++l) {
    total += std::exp(lambda * (l - ref));
    cdf_.push_back(total);
  }
  for (auto& c : cdf_) c /= total;
}

float EmploymentDistribution::draw(double uniform) const {
  const auto it = std::upper_bound(cdf_.begin(), cdf_.end(), uniform);
  const auto k = std::min<std::ptrdiff_t>(it - cdf_.begin(), static_cast<std::ptrdiff_t>(cdf_.size()) - 1);
  return static_cast<float>(lo_ + k);
}

namespace {

std::uint32_t pick(RandomStream& rng, const std::vector<std::uint32_t>& from) {
  return from[rng.below(from.size())];
}

// Gives agents [first, end) of a block their products, in catalogue order.
void assign_products(ProductApportionment& split, const ProductShares& shares, std::vector<std::uint8_t>& product,
                     std::size_t first, std::size_t end) {
  const auto counts = split.next_block(static_cast<std::uint32_t>(end - first), shares);
  for (std::size_t g = 0; g < product_count; ++g)
    for (std::uint32_t n = 0; n < counts[g]; ++n) product[first++] = static_cast<std::uint8_t>(g);
}

void build_regions(World& w) {
  const auto& p = w.params;
  const auto R = static_cast<std::size_t>(p.world.regions);
  w.region.unit_labour_cost.resize(R);
  w.region.levy_rate.assign(R, static_cast<float>(p.policy.levy_rate));
  w.region.levy_rate_initial = w.region.levy_rate;
  w.region.promotion.assign(R, static_cast<float>(p.policy.promotion));
  w.region.information_system.assign(R, static_cast<float>(p.policy.information_system));
  w.region.licence_fee.assign(R, static_cast<float>(p.policy.licence_fee));
  w.region.licence_delay.assign(R, static_cast<float>(p.policy.licence_delay));
  w.region.licence_fee_initial = w.region.licence_fee;
  w.region.licence_delay_initial = w.region.licence_delay;
  w.region.fees_collected.assign(R, 0.0);
  w.region.information_system_lever = w.region.information_system;
  w.region.levies_collected.assign(R, 0.0);
  w.region.revenue.assign(R, 0.0);
  w.region.transfer.assign(R, 0.0);
  w.region.budget.assign(R, 0.0);
  w.region.budget_reference.assign(R, 0.0);
  w.region.programme_coverage.assign(R, 0.f);
  w.region.infrastructure.resize(R);
  for (std::size_t r = 0; r < R; ++r) {
    RandomStream rng(p.seed, stream::init_region, r, 0, 0);
    // Workers earn a share of the value they add at reference prices (1 million IDR per unit
    // less material), so unit labour cost is the same for every firm of a region and wages
    // per worker rise with productivity. Regions differ by ±20% in wages and ×0.5–1.5 in
    // infrastructure around the national values.
    w.region.unit_labour_cost[r] =
        static_cast<float>(p.sme.labour_share * (1.0 - p.sme.material_cost) * rng.uniform(0.8, 1.2));
    w.region.infrastructure[r] = static_cast<float>(p.policy.infrastructure * rng.uniform(0.5, 1.5));
  }
  w.region.promotion_base = w.region.promotion;
  w.region.infrastructure_base = w.region.infrastructure;
  w.clusters = static_cast<std::int32_t>(
      std::llround(p.world.clustered_share * static_cast<double>(p.world.smes) / p.world.mean_cluster_size));
  w.cluster_region.resize(static_cast<std::size_t>(w.clusters));
  w.cluster_product.resize(static_cast<std::size_t>(w.clusters));
  const auto shares = product_shares(p);
  for (std::int32_t c = 0; c < w.clusters; ++c) {
    w.cluster_region[static_cast<std::size_t>(c)] = static_cast<std::uint16_t>(c % p.world.regions);
    RandomStream rng(p.seed, stream::cluster_product, static_cast<std::uint64_t>(c), 0, 0);
    w.cluster_product[static_cast<std::size_t>(c)] = product_by_share(shares, rng.uniform());
  }
}

// Agents of one kind by (region, product).
ProductPools pools(std::size_t regions, std::size_t n, const std::vector<std::uint16_t>& region,
                   const std::vector<std::uint8_t>& product) {
  ProductPools out(regions);
  for (std::uint32_t i = 0; i < n; ++i) out.add(region[i], product[i], i);
  return out;
}

}  // namespace

void init_sme(World& w, std::size_t i, std::uint16_t region, SizeClass cls, RandomStream& rng,
              const EmploymentDistribution* bands, const SmeSite* site) {
  const auto& p = w.params;
  auto& s = w.sme;
  s.uid[i] = w.next_uid++;
  s.region[i] = region;
  s.alive[i] = 1;
  s.birth_step[i] = static_cast<std::int32_t>(w.step);
  s.exit_step[i] = -1;
  s.licence_wait[i] = 0;  // entrants who need a licence: set by compact_and_enter
  const auto c = static_cast<int>(cls);
  s.employment[i] = bands[c].draw(rng.uniform());
  const double base[3] = {p.sme.productivity_micro, p.sme.productivity_small, p.sme.productivity_medium};
  const double sd = p.sme.productivity_dispersion;
  // Lognormal around the class mean (mean-preserving: the -sd²/2 term).
  s.productivity[i] = static_cast<float>(base[c] * std::exp(sd * rng.normal() - 0.5 * sd * sd));
  // A firm taking an exited firm's place hires what that place's orders need at its own
  // productivity (entry_places.hpp).
  if (site) {
    s.employment[i] = site->employment;
    s.productivity[i] = site->productivity;
  }
  s.informal[i] = cls == SizeClass::micro && rng.bernoulli(informal_probability(w, region));
  // Quality starts at the steady state of the quality rule for the revenue the firm plans on
  // (q* = g / (g + delta_q), g = eta_q·R/(R + R0)), ±5%: larger and more productive firms
  // start with better products, and quality does not drift at the start.
  {
    const double cost = sme_unit_cost(w, region);
    const double revenue = double(s.productivity[i]) * s.employment[i] / (1.0 + p.sme.output_buffer) *
                           (1.0 + p.sme.markup_initial) * cost;
    const double gain = p.sme.quality_gain * quality_investment_share(revenue, p.sme.quality_revenue_scale);
    const double steady = gain + p.sme.quality_decay > 0 ? gain / (gain + p.sme.quality_decay) : 0.0;
    s.quality[i] = static_cast<float>(std::clamp(steady * rng.uniform(0.95, 1.05), 0.0, 1.0));
  }
  s.markup[i] = static_cast<float>(p.sme.markup_initial);
  const double d = p.sme.information_dispersion;
  const double information_draw = rng.uniform(1.0 - d, 1.0 + d);  // used once the cluster is known
  const float capacity = s.productivity[i] * s.employment[i];
  s.expected_demand[i] = site ? site->expected_demand : capacity / static_cast<float>(1.0 + p.sme.output_buffer);
  s.intermediary_signal[i] = 0.f;
  s.sold[i] = s.expected_demand[i];  // "last month's sales" for the first mark-up adaptation
  s.net_worth[i] = p.sme.initial_net_worth_months * w.region.unit_labour_cost[region] * capacity;
  // Cluster membership: a random cluster of the firm's own region, or the site's.
  s.cluster[i] = -1;
  const auto R = static_cast<std::int32_t>(p.world.regions);
  if (site) {
    s.cluster[i] = site->cluster;
  } else if (w.clusters > region && rng.bernoulli(p.world.clustered_share)) {
    const auto in_region = static_cast<std::uint64_t>((w.clusters - region + R - 1) / R);
    s.cluster[i] = region + R * static_cast<std::int32_t>(rng.below(in_region));
  }
  // A clustered firm makes its sentra's product; another draws one by share from its own
  // stream (so the draws above are as they were before products existed), or makes the site's.
  if (site) {
    s.product[i] = site->product;
  } else if (s.cluster[i] >= 0) {
    s.product[i] = w.cluster_product[static_cast<std::size_t>(s.cluster[i])];
  } else {
    RandomStream own(p.seed, stream::sme_product, s.uid[i], 0, 0);
    s.product[i] = product_by_share(product_shares(p), own.uniform());
  }
  // Information starts at the steady state of decay and what the firm's region gives it
  // (promotion; an open information system if clustered; a partner's marketing linkage is
  // added once partnerships exist), so it does not drift at the start.
  s.information[i] = static_cast<float>(std::clamp(
      steady_information(information_inflow(w, i), p.sme.information_decay) * information_draw, 0.0, 1.0));
  s.information_next[i] = s.information[i];
}

PartnershipEdge draw_partnership_terms(const World& w, std::size_t i, RandomStream& rng) {
  PartnershipEdge e;
  // Pattern by the partnership.share_* weights; linkage shares from the 1994 survey the
  // study cites (several linkages per firm).
  const auto& q = w.params.partnership;
  const double weights[5] = {q.share_nucleus_plasma, q.share_subcontracting, q.share_general_trade, q.share_agency,
                             q.share_franchise};
  const double total = weights[0] + weights[1] + weights[2] + weights[3] + weights[4];
  double u = rng.uniform() * total;
  int pattern = 0;
  while (pattern < 4 && u >= weights[pattern]) u -= weights[pattern++];
  e.pattern = static_cast<PartnershipPattern>(pattern);
  // A big firm subcontracts only to a firm that meets its quality specification; with one
  // below it, the partnership is general trade.
  if (e.pattern == PartnershipPattern::subcontracting && w.sme.quality[i] < q.subcontract_quality)
    e.pattern = PartnershipPattern::general_trade;
  if (rng.bernoulli(0.5502)) e.linkages |= linkage_marketing;
  if (rng.bernoulli(0.4442)) e.linkages |= linkage_capital;
  if (rng.bernoulli(0.32)) e.linkages |= linkage_production;
  if (rng.bernoulli(0.28)) e.linkages |= linkage_raw_material;
  if (rng.bernoulli(0.03)) e.linkages |= linkage_management;
  // A contract fixes the quantity from the SME's capacity when the partnership forms (so
  // offtake does not feed back into the SME's own growth).
  e.quantity = contract_quantity(w.params, e.pattern, double(w.sme.productivity[i]) * w.sme.employment[i]);
  e.trust = static_cast<float>(w.params.partnership.trust_initial);
  return e;
}

World build_world(const Params& params, int threads) {
  World w;
  w.params = params;
  w.input_tariff_initial = params.trade.input_tariff;
  const auto& p = w.params;
  build_regions(w);
  const auto R = static_cast<std::size_t>(p.world.regions);

  const EmploymentDistribution bands[3] = {
      EmploymentDistribution(1, 4, p.sme.workers_micro),
      EmploymentDistribution(5, 19, p.sme.workers_small),
      EmploymentDistribution(20, 99, p.sme.workers_medium)};
  const double share_total = p.sme.share_micro + p.sme.share_small + p.sme.share_medium;
  const auto N = static_cast<std::size_t>(p.world.smes);

  // Exact class counts (so a 100,000-firm world has Table 1's 80 medium firms, not 80 ± 9):
  // each firm draws a uniform, and the firms with the largest draws are medium, the next
  // ones small, the rest micro.
  const auto n_medium = static_cast<std::size_t>(std::llround(double(N) * p.sme.share_medium / share_total));
  const auto n_small = static_cast<std::size_t>(std::llround(double(N) * p.sme.share_small / share_total));
  double cut_small = 2.0, cut_medium = 2.0;  // above every draw: no firm of that class
  {
    std::vector<double> draws(N);
    for (std::size_t i = 0; i < N; ++i) {
      RandomStream rng(p.seed, stream::init_sme, i, 0, 0);
      rng.below(R);
      draws[i] = rng.uniform();
    }
    const auto nth = [&](std::size_t rank) {
      std::nth_element(draws.begin(), draws.begin() + static_cast<std::ptrdiff_t>(rank), draws.end());
      return draws[rank];
    };
    if (n_medium > 0 && n_medium <= N) cut_medium = nth(N - n_medium);
    if (n_small > 0 && n_small + n_medium <= N) cut_small = nth(N - n_medium - n_small);
  }

  resize_store(w.sme, N);
  for (std::size_t i = 0; i < N; ++i) {
    RandomStream rng(p.seed, stream::init_sme, i, 0, 0);
    const auto region = static_cast<std::uint16_t>(rng.below(R));
    const double u = rng.uniform();
    const SizeClass cls = u >= cut_medium ? SizeClass::medium : u >= cut_small ? SizeClass::small : SizeClass::micro;
    init_sme(w, i, region, cls, rng, bands);
  }
  {
    double revenue = 0, micro = 0;
    for (std::size_t i = 0; i < N; ++i) {
      if (size_class(w.sme.employment[i]) != SizeClass::micro) continue;
      revenue += double(w.sme.expected_demand[i]) * (1.0 + w.sme.markup[i]) * sme_unit_cost(w, w.sme.region[i]);
      micro += 1;
    }
    w.micro_monthly_revenue = micro > 0 ? revenue / micro : 0.0;
  }
  // Number firms by (region, cluster): the firms a trader, a buyer or a cluster mate deals
  // with then sit close together in memory, which is what keeps large worlds in cache.
  {
    std::vector<std::uint32_t> order(N);
    for (std::uint32_t i = 0; i < N; ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
      return std::pair(w.sme.region[a], w.sme.cluster[a]) < std::pair(w.sme.region[b], w.sme.cluster[b]);
    });
    permute_store(order, w.sme);
    for (std::uint32_t i = 0; i < N; ++i) w.sme.uid[i] = i;
  }

  // SMEs by (region, product): traders, buyers and big firms follow this mix (products.hpp).
  std::vector<std::array<double, product_count>> made(R);
  std::array<double, product_count> made_nationally{};
  for (std::size_t i = 0; i < N; ++i) {
    made[w.sme.region[i]][w.sme.product[i]] += 1;
    made_nationally[w.sme.product[i]] += 1;
  }
  const auto national_mix = shares_of(made_nationally, product_shares(p));
  const auto mix = [&](std::size_t r) { return shares_of(made[r], national_mix); };

  const auto M = static_cast<std::size_t>(p.world.intermediaries);
  resize_store(w.intermediary, M);
  for (std::size_t m = 0; m < M; ++m) {
    RandomStream rng(p.seed, stream::init_intermediary, m, 0, 0);
    w.intermediary.region[m] = static_cast<std::uint16_t>(m * R / M);  // contiguous by region
    const double d = p.intermediaries.margin_dispersion;
    w.intermediary.bargaining[m] = static_cast<float>(rng.uniform(1.0 - d, 1.0 + d));
    w.intermediary.chain[m] = rng.bernoulli(p.intermediaries.chain_share) ? 1 : 0;
  }
  // Each region's traders are split over products (ProductApportionment, products.hpp).
  {
    ProductApportionment split;
    for (std::size_t m = 0; m < M;) {
      std::size_t end = m;
      while (end < M && w.intermediary.region[end] == w.intermediary.region[m]) ++end;
      assign_products(split, mix(w.intermediary.region[m]), w.intermediary.product, m, end);
      m = end;
    }
  }

  const auto K = static_cast<std::size_t>(p.world.big_firms);
  resize_store(w.big_firm, K);
  for (std::size_t k = 0; k < K; ++k) {
    w.big_firm.region[k] = static_cast<std::uint16_t>(k % R);
    // Sizes spread evenly over ×0.5–1.5 of the mean (in a random order): with a handful of
    // big firms, random draws would move the large class's Table 1 shares by several points.
    const double rank = (double((k * 7919) % K) + 0.5) / double(K);
    w.big_firm.employment[k] = static_cast<float>(p.big_firms.workers * (0.5 + rank));
    w.big_firm.productivity[k] = static_cast<float>(p.big_firms.productivity);
  }
  {
    ProductApportionment split;
    assign_products(split, national_mix, w.big_firm.product, 0, K);
  }

  // Buyers: segments in proportion to buyers.share_*, contiguous by region; their budgets
  // are set once the network exists (set_initial_budgets, initial_budgets.cpp).
  const auto B = static_cast<std::size_t>(p.world.buyers);
  resize_store(w.buyer, B);
  const double seg_share[3] = {p.buyers.share_traditional, p.buyers.share_modern, p.buyers.share_export};
  const double seg_total = seg_share[0] + seg_share[1] + seg_share[2];
  {
    std::size_t b = 0;
    for (int s = 0; s < 3; ++s) {
      const auto count = s == 2 ? B - b : static_cast<std::size_t>(std::llround(double(B) * seg_share[s] / seg_total));
      for (std::size_t j = 0; j < count && b < B; ++j, ++b) {
        w.buyer.segment[b] = static_cast<Segment>(s);
        const auto r = j * R / count;  // contiguous by region, like the firms
        w.buyer.region[b] = static_cast<std::uint16_t>(r);
      }
    }
    // The buyers of each (segment, region) are split over products.
    ProductApportionment split;
    for (std::size_t first = 0; first < B;) {
      std::size_t end = first;
      while (end < B && w.buyer.region[end] == w.buyer.region[first] && w.buyer.segment[end] == w.buyer.segment[first]) ++end;
      assign_products(split, mix(w.buyer.region[first]), w.buyer.product, first, end);
      first = end;
    }
  }

  // --- network ---
  auto& space = w.net.space;
  space.smes = static_cast<std::uint32_t>(N);
  space.intermediaries = static_cast<std::uint32_t>(M);
  space.buyers = static_cast<std::uint32_t>(B);
  space.big_firms = static_cast<std::uint32_t>(K);
  // Trade ties join agents of the same product (products.hpp).
  auto sme_pool = pools(R, N, w.sme.region, w.sme.product);
  auto trader_pool = pools(R, M, w.intermediary.region, w.intermediary.product);
  auto big_pool = pools(1, K, std::vector<std::uint16_t>(K, 0), w.big_firm.product);

  // Each layer is built as soon as its edge list is drawn and the list freed, so only one
  // list is alive at a time (it is the construction peak of memory).
  const auto V = space.total();
  const auto build_and_free = [](auto& layer, std::uint32_t vertices, auto& edges) {
    layer.build(vertices, edges);
    std::decay_t<decltype(edges)>().swap(edges);
  };
  std::vector<NetworkLayer<SupplyEdge>::Edge> supply;
  for (std::uint32_t i = 0; i < N; ++i) {
    const auto& traders = trader_pool.local_or_national(w.sme.region[i], w.sme.product[i]);
    if (traders.empty()) continue;
    RandomStream rng(p.seed, stream::init_supply_edges, i, 0, 0);
    const double spm = p.intermediaries.suppliers_per_sme;
    const auto n = static_cast<std::size_t>(spm) + (rng.bernoulli(spm - std::floor(spm)) ? 1u : 0u);
    std::uint32_t last = removed_id;
    for (std::size_t k = 0; k < n; ++k) {
      const auto m = pick(rng, traders);
      if (m == last) continue;  // no parallel edges from the same trader
      last = m;
      supply.push_back({space.intermediary_offset() + m, i, {w.sme.productivity[i] * w.sme.employment[i]}});
    }
  }

  build_and_free(w.net.supply, V, supply);

  std::vector<NetworkLayer<SalesEdge>::Edge> sales;
  const std::int64_t links[3] = {p.buyers.links_traditional, p.buyers.links_modern, p.buyers.links_export};
  for (std::uint32_t b = 0; b < B; ++b) {
    RandomStream rng(p.seed, stream::init_sales_edges, b, 0, 0);
    const auto seg = static_cast<std::size_t>(w.buyer.segment[b]);
    const auto r = w.buyer.region[b];
    const auto g = w.buyer.product[b];
    const auto src = space.buyer_offset() + b;
    const auto& smes = sme_pool.local_or_national(r, g);
    const auto& traders = trader_pool.local_or_national(r, g);
    const auto& big = big_pool.national(g);
    if (!smes.empty())
      for (std::int64_t k = 0; k < links[seg]; ++k)
        sales.push_back({src, pick(rng, smes), {}});
    if (!traders.empty())
      for (std::int64_t k = 0; k < p.buyers.intermediary_links; ++k)
        sales.push_back({src, space.intermediary_offset() + pick(rng, traders), {}});
    if (seg != 0 && !big.empty())
      for (std::int64_t k = 0; k < p.buyers.big_firm_links; ++k)
        sales.push_back({src, space.big_firm_offset() + pick(rng, big), {}});
  }

  build_and_free(w.net.sales, V, sales);
  sme_pool = ProductPools(0);  // freed before the next layers: it is a copy of every SME index

  std::vector<NetworkLayer<PartnershipEdge>::Edge> partnership;
  if (K > 0) {
    // Exact partnered counts for small and medium firms (round(share × firms of the class)):
    // the firms of the class with the smallest draws have a partner. Micro firms, far more
    // numerous, draw independently (u < share).
    const double class_share[3] = {p.big_firms.partnered_share_micro, p.big_firms.partnered_share_small,
                                   p.big_firms.partnered_share_medium};
    double cut[3] = {class_share[0], -1.0, -1.0};  // -1: below every draw, nobody partnered
    {
      std::vector<double> draws[3];
      for (std::uint32_t i = 0; i < N; ++i) {
        const auto c = std::min(2, static_cast<int>(size_class(w.sme.employment[i])));
        if (c == 0) continue;
        RandomStream rng(p.seed, stream::init_partnerships, i, 0, 0);
        draws[c].push_back(rng.uniform());
      }
      for (int c = 1; c < 3; ++c) {
        auto& d = draws[c];
        const auto n = static_cast<std::size_t>(std::llround(double(d.size()) * class_share[c]));
        if (n == 0) continue;
        if (n >= d.size()) {
          cut[c] = 2.0;
          continue;
        }
        std::nth_element(d.begin(), d.begin() + static_cast<std::ptrdiff_t>(n), d.end());
        cut[c] = d[n];  // the n smallest draws lie below it
      }
    }
    for (std::uint32_t i = 0; i < N; ++i) {
      RandomStream rng(p.seed, stream::init_partnerships, i, 0, 0);
      const auto cls = std::min(2, static_cast<int>(size_class(w.sme.employment[i])));
      if (!(rng.uniform() < cut[cls])) continue;
      const PartnershipEdge e = draw_partnership_terms(w, i, rng);
      partnership.push_back({space.big_firm_offset() + static_cast<std::uint32_t>(rng.below(K)), i, e});
    }
  }

  build_and_free(w.net.partnership, V, partnership);
  // Each big firm keeps the number of partners it starts with (times the partnership
  // programme) by forming new partnerships at the yearly boundary (partnership_formation.cpp).
  w.big_firm.partners_initial.assign(K * 3, 0);
  for (std::uint32_t k = 0; k < K; ++k)
    w.net.partnership.for_out(space.big_firm_offset() + k, [&](std::uint32_t, std::uint32_t j, const PartnershipEdge&) {
      ++w.big_firm.partners_initial[k * 3 + std::size_t(std::min(2, static_cast<int>(size_class(w.sme.employment[j]))))];
    });
  for (std::uint32_t i = 0; i < N; ++i) {
    double gain = 0;
    w.net.partnership.for_in(i, [&](std::uint32_t, std::uint32_t, const PartnershipEdge& e) {
      if (e.linkages & linkage_marketing) gain += p.big_firms.partner_information_gain;
      if (e.pattern == PartnershipPattern::agency) gain += p.partnership.agency_information_gain;
    });
    if (gain > 0)
      w.sme.information[i] = static_cast<float>(
          std::min(1.0, double(w.sme.information[i]) + steady_information(gain, p.sme.information_decay)));
    w.sme.information_next[i] = w.sme.information[i];
  }

  std::vector<std::vector<std::uint32_t>> members(static_cast<std::size_t>(w.clusters));
  for (std::uint32_t i = 0; i < N; ++i)
    if (w.sme.cluster[i] >= 0) members[static_cast<std::size_t>(w.sme.cluster[i])].push_back(i);
  std::vector<SocialLayer::Edge> social;
  const SocialEdge tie{static_cast<float>(p.social.trust_initial)};
  for (std::uint32_t i = 0; i < N; ++i) {
    if (w.sme.cluster[i] < 0) continue;
    const auto& mates = members[static_cast<std::size_t>(w.sme.cluster[i])];
    if (mates.size() < 2) continue;
    RandomStream rng(p.seed, stream::init_social_edges, i, 0, 0);
    // Each firm starts half of its ties; the other half come from its mates' choices.
    const double half = 0.5 * p.social.ties_per_clustered_sme;
    const auto n = static_cast<std::size_t>(half) + (rng.bernoulli(half - std::floor(half)) ? 1u : 0u);
    for (std::size_t k = 0; k < n; ++k) {
      const auto j = pick(rng, mates);
      if (j == i) continue;
      social.push_back({i, j, tie});
      social.push_back({j, i, tie});
    }
  }

  build_and_free(w.net.social, V, social);

  size_month_arrays(w);
  set_initial_budgets(w, threads);
  w.pending_entrants.assign(R * 3, 0);
  return w;
}

void size_month_arrays(World& w) {
  const auto V = w.net.space.total();
  w.offer_price.assign(V, 0.f);
  w.offer_quality.assign(V, 0.f);
  w.offer_capacity.assign(V, 0.f);
  w.fill_ratio.assign(V, 0.f);
  w.export_fill.assign(w.net.space.buyer_offset(), 0.f);
  w.sales_order.assign(w.net.sales.edges(), 0.f);
  w.partner_order.assign(w.net.partnership.edges(), 0.f);
  w.partner_price.assign(w.net.partnership.edges(), 0.f);
  w.share_rate.assign(w.net.space.smes, 0.f);
}

double physical_memory_bytes() {
  const long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGE_SIZE);
  return pages > 0 && page > 0 ? double(pages) * double(page) : 0.0;
}

std::size_t estimate_world_bytes(const Params& p) {
  // Per SME: its store row (~100 B) and its share of edges (~8 edges × ~24 B with in-edge
  // lists and per-edge scratch), plus per-vertex arrays; other kinds are small next to it.
  const double smes = double(p.world.smes);
  const double others = double(p.world.intermediaries + p.world.buyers + p.world.big_firms);
  const double edges_per_sme = p.intermediaries.suppliers_per_sme + p.social.ties_per_clustered_sme +
                               double(p.world.buyers) / std::max(1.0, smes) *
                                   double(p.buyers.links_traditional + p.buyers.intermediary_links);
  const double bytes = smes * (100.0 + 32.0 + edges_per_sme * 24.0) + others * 96.0;
  return static_cast<std::size_t>(bytes);
}

}  // namespace sentra::cluster
