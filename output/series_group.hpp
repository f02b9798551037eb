#pragma once
// A group of per-step series: a `step` coordinate [T] and one dataset per column, shaped
// [T] or [T, K] (K values per step), with dimension scales. A comparison's /series uses
// it (written once per comparison); a run's series are tables (record_table.hpp). The
// first step fixes the column set; later steps must bring exactly the same columns.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/table.hpp"
#include "output/column_set.hpp"
#include "output/hdf5_dataset.hpp"
#include "output/writer_options.hpp"

namespace sentra::output {

class SeriesGroup {
 public:
  // `row_shape` is {} for one value per step or {R} for R values per step; `axis_scales`
  // holds one dimension scale per entry of row_shape (e.g. the `region` index).
  // `reserved` are dataset names the group uses itself, refused as column names.
  SeriesGroup(hid_t group, std::string where, std::vector<std::size_t> row_shape,
              std::vector<hid_t> axis_scales, std::vector<std::string> reserved,
              const WriterOptions& options);

  // Throws std::logic_error if the step does not increase or the table's columns or
  // row count differ from the first step's.
  void validate(std::int64_t step, const Table& table) const;
  // Appends one step (validating it first: a rejected step changes nothing).
  void append(std::int64_t step, const Table& table);
  void flush();

 private:
  void define_columns(const Table& table);
  // The table has the defined columns, same names and types, in the same order.
  bool same_order(const Table& table) const;

  hid_t group_;
  std::string where_;
  std::vector<std::size_t> row_shape_;
  std::vector<hid_t> axis_scales_;
  std::vector<std::string> reserved_;
  WriterOptions options_;
  BufferedColumn step_;
  std::vector<NamedColumn> columns_;
  bool defined_ = false;
  std::optional<std::int64_t> last_step_;
};

}  // namespace sentra::output
