#include "distributed/observation_bytes.hpp"

#include <cstdint>
#include <stdexcept>
#include <variant>

#include "distributed/bytes.hpp"

namespace sentra::distributed {
namespace {

bool same_columns(const Table& a, const Table* b) {
  if (!b || a.columns.size() != b->columns.size()) return false;
  for (std::size_t c = 0; c < a.columns.size(); ++c) {
    const Column& x = a.columns[c];
    const Column& y = b->columns[c];
    if (x.data.index() != y.data.index() || x.name != y.name || x.unit != y.unit || x.description != y.description)
      return false;
  }
  return true;
}

// `previous`: the same table one step earlier (nullptr for the first step).
void put_table(ByteWriter& out, const Table& t, const Table* previous) {
  const bool same = same_columns(t, previous);
  out.put<std::uint8_t>(same ? 1 : 0);
  if (!same) {
    out.put<std::uint64_t>(t.columns.size());
    for (const Column& c : t.columns) {
      out.put(c.name);
      out.put(c.unit);
      out.put(c.description);
      out.put<std::uint8_t>(static_cast<std::uint8_t>(c.data.index()));
    }
  }
  for (const Column& c : t.columns) std::visit([&](const auto& v) { out.put(v); }, c.data);
}

template <std::size_t I = 0>
ColumnData column_of_type(std::size_t index, ByteReader& in) {
  if constexpr (I < std::variant_size_v<ColumnData>) {
    using Vector = std::variant_alternative_t<I, ColumnData>;
    if (index == I) return in.get_vector<typename Vector::value_type>();
    return column_of_type<I + 1>(index, in);
  } else {
    throw std::runtime_error("distributed: a message names an unknown column type");
  }
}

Table get_table(ByteReader& in, const Table* previous) {
  Table t;
  std::vector<std::size_t> types;
  if (in.get<std::uint8_t>() == 1) {
    if (!previous) throw std::runtime_error("distributed: a message refers to columns it never sent");
    for (const Column& c : previous->columns) {
      t.columns.push_back(Column{c.name, c.unit, c.description, {}});
      types.push_back(c.data.index());
    }
  } else {
    const auto n = in.get<std::uint64_t>();
    for (std::uint64_t c = 0; c < n; ++c) {
      Column column;
      column.name = in.get_string();
      column.unit = in.get_string();
      column.description = in.get_string();
      t.columns.push_back(std::move(column));
      types.push_back(in.get<std::uint8_t>());
    }
  }
  for (std::size_t c = 0; c < t.columns.size(); ++c) t.columns[c].data = column_of_type(types[c], in);
  return t;
}

void put_named(ByteWriter& out, const std::vector<NamedTable>& tables) {
  out.put<std::uint64_t>(tables.size());
  for (const NamedTable& t : tables) {
    out.put(t.name);
    put_table(out, t.table, nullptr);  // snapshots are rare: their columns go every time
  }
}

std::vector<NamedTable> get_named(ByteReader& in) {
  std::vector<NamedTable> tables(in.get<std::uint64_t>());
  for (NamedTable& t : tables) {
    t.name = in.get_string();
    t.table = get_table(in, nullptr);
  }
  return tables;
}

}  // namespace

std::string observation_bytes(const std::vector<StepObservation>& steps) {
  ByteWriter out;
  out.put<std::uint64_t>(steps.size());
  for (std::size_t s = 0; s < steps.size(); ++s) {
    const StepObservation& o = steps[s];
    out.put(o.step);
    put_table(out, o.aggregates, s > 0 ? &steps[s - 1].aggregates : nullptr);
    put_table(out, o.regions, s > 0 ? &steps[s - 1].regions : nullptr);
    put_named(out, o.agents);
    put_named(out, o.network);
  }
  return out.take();
}

std::vector<StepObservation> observations_from_bytes(std::string_view bytes) {
  ByteReader in(bytes);
  const auto n = in.get<std::uint64_t>();
  std::vector<StepObservation> steps;
  steps.reserve(n);
  for (std::uint64_t s = 0; s < n; ++s) {
    StepObservation o;
    o.step = in.get<std::int64_t>();
    o.aggregates = get_table(in, s > 0 ? &steps.back().aggregates : nullptr);
    o.regions = get_table(in, s > 0 ? &steps.back().regions : nullptr);
    o.agents = get_named(in);
    o.network = get_named(in);
    steps.push_back(std::move(o));
  }
  if (!in.at_end()) throw std::runtime_error("distributed: a message is longer than its observations");
  return steps;
}

}  // namespace sentra::distributed
