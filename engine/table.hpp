#pragma once
// Column tables: how a model hands its observations to observers (HDF5 writer, console
// summary, reports) without either side knowing the other. A model fills named, typed,
// unit-carrying columns; an observer writes or prints whatever columns it is given.
#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <variant>
#include <vector>

namespace sentra {

using ColumnData = std::variant<std::vector<double>, std::vector<float>,
                                std::vector<std::int64_t>, std::vector<std::int32_t>,
                                std::vector<std::uint32_t>, std::vector<std::uint8_t>>;

struct Column {
  std::string name;         // dataset name: lower_snake_case
  std::string unit;         // e.g. "million IDR/month", "persons", "fraction", "1"
  std::string description;  // one sentence for the file's attributes and docs
  ColumnData data;

  std::size_t size() const {
    return std::visit([](const auto& v) { return v.size(); }, data);
  }
};

// Columns of equal length. Rows are agents, regions or edges depending on the table.
// A deque, so the reference add() returns stays valid while more columns are added.
struct Table {
  std::deque<Column> columns;

  std::size_t rows() const { return columns.empty() ? 0 : columns.front().size(); }

  template <class T>
  std::vector<T>& add(std::string name, std::string unit, std::string description) {
    columns.push_back(Column{std::move(name), std::move(unit), std::move(description),
                             std::vector<T>{}});
    return std::get<std::vector<T>>(columns.back().data);
  }
  const Column* find(const std::string& name) const {
    for (const auto& c : columns)
      if (c.name == name) return &c;
    return nullptr;
  }
};

// A table tagged with what it describes: an agent kind ("sme") or a network layer ("sales").
struct NamedTable {
  std::string name;
  Table table;
};

// Everything a model reports after one step. Agent and network tables are filled only on
// the steps the output settings ask for (snapshot_every, network_every).
struct StepObservation {
  std::int64_t step = 0;
  Table aggregates;                 // one row: national totals and means
  Table regions;                    // one row per region
  std::vector<NamedTable> agents;   // per agent kind, one row per live agent
  std::vector<NamedTable> network;  // per layer, one row per edge (columns src, dst, ...)
};

}  // namespace sentra
