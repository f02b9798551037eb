#include "output/column_set.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>

namespace sentra::output {

std::string type_name(const ColumnData& data) {
  // Same order as the alternatives of sentra::ColumnData.
  static const std::array<const char*, 6> names{"float64", "float32", "int64",
                                                "int32",   "uint32",  "uint8"};
  static_assert(std::variant_size_v<ColumnData> == 6);
  return names.at(data.index());
}

void check_column_names(const Table& table, const std::vector<std::string>& reserved,
                        const std::string& where) {
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    const std::string& name = table.columns[i].name;
    if (name.empty() || name.find('/') != std::string::npos || name == "." || name == "..")
      throw std::logic_error(where + ": invalid column name '" + name + "'");
    if (std::find(reserved.begin(), reserved.end(), name) != reserved.end())
      throw std::logic_error(where + ": column name '" + name +
                             "' is reserved by the file layout");
    for (std::size_t j = 0; j < i; ++j)
      if (table.columns[j].name == name)
        throw std::logic_error(where + ": column '" + name + "' appears twice");
  }
}

void check_same_columns(const Table& table, const std::vector<NamedColumn>& known,
                        const std::string& where) {
  for (const auto& column : table.columns) {
    const auto match = std::find_if(known.begin(), known.end(),
                                    [&](const NamedColumn& k) { return k.name == column.name; });
    if (match == known.end())
      throw std::logic_error(where + ": column '" + column.name +
                             "' was not in the first table written; the column set must "
                             "stay the same for the whole run");
    if (match->column.type_index() != column.data.index())
      throw std::logic_error(where + ": column '" + column.name + "' changed its type to " +
                             type_name(column.data));
  }
  // Names are unique (check_column_names), so equal counts mean equal sets.
  if (table.columns.size() != known.size()) {
    for (const auto& k : known)
      if (!table.find(k.name))
        throw std::logic_error(where + ": column '" + k.name +
                               "' is missing; the column set must stay the same for the "
                               "whole run");
  }
}

BufferedColumn& find_column(std::vector<NamedColumn>& columns, const std::string& name) {
  for (auto& c : columns)
    if (c.name == name) return c.column;
  throw std::logic_error("no column '" + name + "'");
}

}  // namespace sentra::output
