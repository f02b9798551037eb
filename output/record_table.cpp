#include "output/record_table.hpp"

#include <algorithm>
#include <bit>
#include <cstring>
#include <stdexcept>
#include <utility>
#include <variant>

#include "output/column_set.hpp"

namespace sentra::output {
namespace {

std::size_t value_size(std::size_t type_index) {
  static constexpr std::size_t sizes[] = {8, 4, 8, 4, 4, 1};  // ColumnData's alternatives
  static_assert(std::variant_size_v<ColumnData> == 6);
  return sizes[type_index];
}

hid_t native_type_of(std::size_t type_index) {
  switch (type_index) {  // ColumnData's alternatives, in order
    case 0: return H5T_NATIVE_DOUBLE;
    case 1: return H5T_NATIVE_FLOAT;
    case 2: return H5T_NATIVE_INT64;
    case 3: return H5T_NATIVE_INT32;
    case 4: return H5T_NATIVE_UINT32;
    default: return H5T_NATIVE_UINT8;
  }
}

constexpr std::size_t int64_index = 2;  // ColumnData alternative of std::int64_t
constexpr std::size_t int32_index = 3;  // ... of std::int32_t

// A chunk is compressed and written whole; beyond about a megabyte it only costs memory.
constexpr std::size_t max_chunk_bytes = std::size_t{1} << 20;

}  // namespace

RecordTable::RecordTable(hid_t parent, std::string name, std::string where, Keys keys,
                         std::optional<std::size_t> rows_per_append, std::size_t chunk_rows, int deflate_level)
    : parent_(parent),
      name_(std::move(name)),
      where_(std::move(where)),
      keys_(keys),
      rows_per_append_(rows_per_append),
      chunk_rows_(chunk_rows),
      deflate_level_(deflate_level) {}

void RecordTable::add_text_attribute(std::string name, std::vector<std::string> values) {
  if (defined_) throw std::logic_error(where_ + ": attribute '" + name + "' added after the dataset was created");
  text_attributes_.emplace_back(std::move(name), std::move(values));
}

bool RecordTable::same_order(const Table& table) const {
  const std::size_t k = key_count();
  if (!defined_ || table.columns.size() + k != fields_.size()) return false;
  for (std::size_t c = 0; c < table.columns.size(); ++c)
    if (table.columns[c].name != fields_[k + c].name || table.columns[c].data.index() != fields_[k + c].type_index)
      return false;
  return true;
}

void RecordTable::validate(std::int64_t step, const Table& table) const {
  const std::string at = where_ + " at step " + std::to_string(step);
  if (last_step_ && step <= *last_step_)
    throw std::logic_error(at + ": steps must strictly increase (previous step " + std::to_string(*last_step_) + ")");
  // A model hands over the same columns in the same order every step: then the names were
  // checked when the columns were defined, and only the sizes can be wrong.
  const bool known_order = same_order(table);
  if (!known_order) {
    static const std::vector<std::string> step_only{"step"}, step_and_region{"step", "region"};
    check_column_names(table, keys_ == Keys::step ? step_only : step_and_region, at);
  }
  if (rows_per_append_) {
    const std::size_t expected = *rows_per_append_;
    if (expected == 0 && !table.columns.empty())
      throw std::logic_error(at + ": the table has columns but its row axis has length 0 "
                                  "(are RunInfo::region_names filled in?)");
    for (const auto& column : table.columns)
      if (column.size() != expected)
        throw std::logic_error(at + ": column '" + column.name + "' has " + std::to_string(column.size()) +
                               " values, expected " + std::to_string(expected));
  } else {
    for (const auto& column : table.columns)
      if (column.size() != table.rows())
        throw std::logic_error(at + ": column '" + column.name + "' has " + std::to_string(column.size()) +
                               " rows, column '" + table.columns.front().name + "' has " +
                               std::to_string(table.rows()));
  }
  if (!defined_ || known_order) return;
  const std::size_t k = key_count();
  for (const auto& column : table.columns) {
    const auto match = std::find_if(fields_.begin() + static_cast<std::ptrdiff_t>(k), fields_.end(),
                                    [&](const Field& f) { return f.name == column.name; });
    if (match == fields_.end())
      throw std::logic_error(at + ": column '" + column.name +
                             "' was not in the first table written; the column set must stay the same for the "
                             "whole run");
    if (match->type_index != column.data.index())
      throw std::logic_error(at + ": column '" + column.name + "' changed its type to " + type_name(column.data));
  }
  // Names are unique (check_column_names), so equal counts mean equal sets.
  if (table.columns.size() + k != fields_.size())
    for (std::size_t f = k; f < fields_.size(); ++f)
      if (!table.find(fields_[f].name))
        throw std::logic_error(at + ": column '" + fields_[f].name +
                               "' is missing; the column set must stay the same for the whole run");
}

void RecordTable::define(const Table& table) {
  std::vector<std::string> units, descriptions;
  const auto add = [&](const std::string& name, std::size_t type_index, const std::string& unit,
                       const std::string& description) {
    fields_.push_back(Field{name, type_index, row_size_, value_size(type_index)});
    row_size_ += value_size(type_index);
    units.push_back(unit);
    descriptions.push_back(description);
  };
  add("step", int64_index, "step", "simulation step the values on this row belong to");
  if (keys_ == Keys::step_and_region)
    add("region", int32_index, "1", "region index 0..R-1; its name is entry `region` of the attribute region_names");
  for (const auto& column : table.columns) add(column.name, column.data.index(), column.unit, column.description);

  type_ = h5::Datatype(H5Tcreate(H5T_COMPOUND, row_size_), "create the row type of " + where_);
  for (const auto& f : fields_)
    h5::check(H5Tinsert(type_.get(), f.name.c_str(), f.offset, native_type_of(f.type_index)),
              "add field '" + f.name + "' to the row type of " + where_);
  const std::size_t most_rows = std::max<std::size_t>(1, std::bit_floor(max_chunk_bytes / row_size_));
  chunk_rows_ = std::max<std::size_t>(1, std::min(chunk_rows_, most_rows));
  dataset_ = h5::ExtendibleDataset(parent_, name_, type_.get(), {}, chunk_rows_, deflate_level_, where_);
  h5::write_string_array_attribute(dataset_.id(), "units", units, where_);
  h5::write_string_array_attribute(dataset_.id(), "description", descriptions, where_);
  for (const auto& [name, values] : text_attributes_)
    h5::write_string_array_attribute(dataset_.id(), name, values, where_);
  defined_ = true;
}

void RecordTable::pack(std::int64_t step, const Table& table, bool known_order) {
  const std::size_t rows = rows_per_append_ ? *rows_per_append_ : table.rows();
  const std::size_t first = pending_.size();
  pending_.resize(first + rows * row_size_);
  unsigned char* const base = pending_.data() + first;
  for (std::size_t i = 0; i < rows; ++i) std::memcpy(base + i * row_size_ + fields_[0].offset, &step, sizeof step);
  if (keys_ == Keys::step_and_region)
    for (std::size_t i = 0; i < rows; ++i) {
      const auto region = static_cast<std::int32_t>(i);
      std::memcpy(base + i * row_size_ + fields_[1].offset, &region, sizeof region);
    }
  const std::size_t k = key_count();
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    const Column& column = table.columns[c];
    std::size_t f = k + c;
    if (!known_order)
      for (f = k; fields_[f].name != column.name; ++f) {
      }
    const std::size_t offset = fields_[f].offset;
    std::visit(
        [&](const auto& values) {
          for (std::size_t i = 0; i < rows; ++i)
            std::memcpy(base + i * row_size_ + offset, &values[i], sizeof values[i]);
        },
        column.data);
  }
}

void RecordTable::append(std::int64_t step, const Table& table) {
  validate(step, table);  // before anything is buffered: a rejected table changes nothing
  append_validated(step, table);
}

void RecordTable::append_validated(std::int64_t step, const Table& table) {
  if (!defined_) define(table);
  pack(step, table, same_order(table));
  last_step_ = step;
  const std::size_t pending_rows = pending_.size() / row_size_;
  write_front(pending_rows / chunk_rows_ * chunk_rows_);
}

void RecordTable::write_front(std::size_t rows) {
  if (rows == 0) return;
  dataset_.append(type_.get(), pending_.data(), rows);
  pending_.erase(pending_.begin(), pending_.begin() + static_cast<std::ptrdiff_t>(rows * row_size_));
}

void RecordTable::flush() {
  if (!defined_) define(Table{});
  write_front(pending_.size() / row_size_);
}

}  // namespace sentra::output
