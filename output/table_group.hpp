#pragma once
// A table written once, as a group of 1-D datasets that share one named dimension: the
// runs table of a comparison (one row per run) and its summary (one row per scenario and
// outcome). One dataset per column, like the per-step series, so h5py, xarray, pandas and
// R read a column without knowing the others; the dimension is a coordinate 0..n-1 named
// after the rows ("run", "row").
#include <string>
#include <vector>

#include "engine/table.hpp"
#include "output/hdf5_handle.hpp"

namespace sentra::output {

// Text columns, which engine tables (numbers only) do not carry.
struct TextColumn {
  std::string name;
  std::string description;
  std::vector<std::string> values;
};

// Creates group `name` in `parent` with the int64 coordinate `dimension` [n], then the text
// columns, then the numeric columns, each with `units` and `description` attributes and
// attached to the coordinate. All columns must have the same length n, names must be unique
// and none may be the dimension's; throws std::logic_error otherwise (before writing).
void write_table_group(hid_t parent, const std::string& name, const std::string& where,
                       const std::string& dimension, const std::string& dimension_description,
                       const std::vector<TextColumn>& text, const Table& table);

}  // namespace sentra::output
