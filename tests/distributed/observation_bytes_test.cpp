#include "distributed/observation_bytes.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <variant>

#include "distributed/bytes.hpp"

using namespace sentra;
using namespace sentra::distributed;

namespace {

bool same_bits(const ColumnData& a, const ColumnData& b) {
  if (a.index() != b.index()) return false;
  return std::visit(
      [&](const auto& x) {
        const auto& y = std::get<std::decay_t<decltype(x)>>(b);
        return x.size() == y.size() && (x.empty() || std::memcmp(x.data(), y.data(), x.size() * sizeof(x[0])) == 0);
      },
      a);
}

void check_same(const Table& a, const Table& b) {
  REQUIRE(a.columns.size() == b.columns.size());
  for (std::size_t c = 0; c < a.columns.size(); ++c) {
    CHECK(a.columns[c].name == b.columns[c].name);
    CHECK(a.columns[c].unit == b.columns[c].unit);
    CHECK(a.columns[c].description == b.columns[c].description);
    CHECK(same_bits(a.columns[c].data, b.columns[c].data));
  }
}

StepObservation step(std::int64_t t, bool extra_column) {
  StepObservation o;
  o.step = t;
  // Doubles text would not carry: NaN, -0, the smallest subnormal, the largest value.
  o.aggregates.add<double>("income", "million IDR/month", "mean income") =
      {std::nan(""), -0.0, std::numeric_limits<double>::denorm_min(), std::numeric_limits<double>::max(), 0.1 * double(t)};
  o.aggregates.add<std::int64_t>("firms", "1", "firms alive") = {-3, t};
  if (extra_column) o.aggregates.add<float>("share", "fraction", "a column from this step on") = {0.25f};
  o.regions.add<std::int32_t>("region", "1", "region index") = {0, 1, 2};
  o.regions.add<std::uint8_t>("open", "1", "flag") = {1, 0, 1};
  o.regions.add<std::uint32_t>("count", "1", "") = {7, 8, 9};
  if (t == 1) o.agents.push_back({"sme", {}});
  if (t == 1) o.agents.back().table.add<double>("size", "workers", "") = {1.5, 2.5};
  return o;
}

}  // namespace

TEST_CASE("observation_bytes.a run's tables come back bit for bit, columns changing between steps included") {
  const std::vector<StepObservation> sent = {step(0, false), step(1, false), step(2, true), step(3, true), step(4, false)};
  const std::vector<StepObservation> got = observations_from_bytes(observation_bytes(sent));
  REQUIRE(got.size() == sent.size());
  for (std::size_t s = 0; s < sent.size(); ++s) {
    CAPTURE(s);
    CHECK(got[s].step == sent[s].step);
    check_same(got[s].aggregates, sent[s].aggregates);
    check_same(got[s].regions, sent[s].regions);
    REQUIRE(got[s].agents.size() == sent[s].agents.size());
    for (std::size_t a = 0; a < sent[s].agents.size(); ++a) {
      CHECK(got[s].agents[a].name == sent[s].agents[a].name);
      check_same(got[s].agents[a].table, sent[s].agents[a].table);
    }
    CHECK(got[s].network.empty());
  }
  CHECK(observations_from_bytes(observation_bytes({})).empty());
}

TEST_CASE("observation_bytes.column names go once per run, not once per step") {
  std::vector<StepObservation> one = {step(0, false)}, many;
  for (int t = 0; t < 100; ++t) many.push_back(step(t, false));
  const std::size_t first = observation_bytes(one).size();
  const std::size_t each_more = (observation_bytes(many).size() - first) / 99;
  CHECK(each_more < first / 2);
}

TEST_CASE("observation_bytes.a message cut short or too long is refused, never read past its end") {
  const std::string bytes = observation_bytes({step(0, false), step(1, true)});
  for (std::size_t cut : {std::size_t{0}, std::size_t{5}, bytes.size() / 2, bytes.size() - 1}) {
    CAPTURE(cut);
    CHECK_THROWS_AS(observations_from_bytes(std::string_view(bytes).substr(0, cut)), std::runtime_error);
  }
  CHECK_THROWS_AS(observations_from_bytes(bytes + "x"), std::runtime_error);
  ByteWriter w;
  w.put<std::uint64_t>(1ULL << 60);  // a vector "that long"
  const std::string huge = w.take();
  ByteReader r(huge);
  CHECK_THROWS_AS(r.get_vector<double>(), std::runtime_error);
}
