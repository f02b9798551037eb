#pragma once
// The column set of a table is fixed by the first table an observer writes: later tables
// must bring the same column names with the same value types. A differing set is a
// programming error in the model, so it is reported as std::logic_error.
#include <string>
#include <vector>

#include "engine/table.hpp"
#include "output/buffered_column.hpp"

namespace sentra::output {

struct NamedColumn {
  std::string name;
  BufferedColumn column;
};

// Rejects empty names, names with '/', duplicates and names in `reserved` (the datasets
// the layout itself puts in the group, e.g. "step").
void check_column_names(const Table& table, const std::vector<std::string>& reserved,
                        const std::string& where);

// Requires exactly the columns in `known` (any order), each with its value type.
void check_same_columns(const Table& table, const std::vector<NamedColumn>& known,
                        const std::string& where);

// The column of that name; throws std::logic_error if there is none.
BufferedColumn& find_column(std::vector<NamedColumn>& columns, const std::string& name);

// Name of the value type held by `data` ("float64", "int32", ...), for messages.
std::string type_name(const ColumnData& data);

}  // namespace sentra::output
