#include "output/series_group.hpp"

#include <stdexcept>
#include <utility>

namespace sentra::output {
namespace {

std::size_t product(const std::vector<std::size_t>& shape) {
  std::size_t n = 1;
  for (const auto s : shape) n *= s;
  return n;
}

}  // namespace

SeriesGroup::SeriesGroup(hid_t group, std::string where, std::vector<std::size_t> row_shape,
                         std::vector<hid_t> axis_scales, std::vector<std::string> reserved,
                         const WriterOptions& options)
    : group_(group),
      where_(std::move(where)),
      row_shape_(std::move(row_shape)),
      axis_scales_(std::move(axis_scales)),
      reserved_(std::move(reserved)),
      options_(options),
      step_(h5::ExtendibleDataset(group, "step", H5T_NATIVE_INT64, {}, options.chunk_steps,
                                  options.deflate_level, where_ + "/step"),
            ColumnData{std::vector<std::int64_t>{}}, options.chunk_steps) {
  if (axis_scales_.size() != row_shape_.size())
    throw std::logic_error(where_ + ": one dimension scale per row axis expected");
  h5::ExtendibleDataset& step = step_.dataset();
  h5::make_scale(step.id(), "step", step.where());
  h5::write_attribute(step.id(), "units", std::string("step"), step.where());
  h5::write_attribute(step.id(), "description",
                      std::string("simulation step the values on this row belong to"),
                      step.where());
}

bool SeriesGroup::same_order(const Table& table) const {
  if (!defined_ || table.columns.size() != columns_.size()) return false;
  for (std::size_t c = 0; c < columns_.size(); ++c)
    if (table.columns[c].name != columns_[c].name || table.columns[c].data.index() != columns_[c].column.type_index())
      return false;
  return true;
}

void SeriesGroup::validate(std::int64_t step, const Table& table) const {
  const std::string at = where_ + " at step " + std::to_string(step);
  if (last_step_ && step <= *last_step_)
    throw std::logic_error(at + ": steps must strictly increase (previous step " +
                           std::to_string(*last_step_) + ")");
  // A model hands over the same columns in the same order every step: then the names were
  // checked when the columns were defined, and only the sizes can be wrong. (The checks
  // for any order compare every name with every other, each step, which cost a sweep of
  // short runs a few percent of its time.)
  const bool known_order = same_order(table);
  if (!known_order) check_column_names(table, reserved_, at);
  const std::size_t expected = product(row_shape_);
  if (expected == 0 && !table.columns.empty())
    throw std::logic_error(at + ": the table has columns but its row axis has length 0 "
                                "(are RunInfo::region_names filled in?)");
  for (const auto& column : table.columns)
    if (column.size() != expected)
      throw std::logic_error(at + ": column '" + column.name + "' has " +
                             std::to_string(column.size()) + " values, expected " +
                             std::to_string(expected));
  if (!defined_ || known_order) return;
  check_same_columns(table, columns_, at);
}

void SeriesGroup::define_columns(const Table& table) {
  for (const auto& column : table.columns) {
    const std::string where = where_ + "/" + column.name;
    h5::ExtendibleDataset dataset(group_, column.name, h5::native_type(column.data), row_shape_,
                                  options_.chunk_steps, options_.deflate_level, where);
    h5::write_attribute(dataset.id(), "units", column.unit, where);
    h5::write_attribute(dataset.id(), "description", column.description, where);
    h5::attach_scale(dataset.id(), step_.dataset().id(), 0, where);
    for (std::size_t axis = 0; axis < axis_scales_.size(); ++axis)
      h5::attach_scale(dataset.id(), axis_scales_[axis], static_cast<unsigned>(axis + 1), where);
    columns_.push_back(NamedColumn{
        column.name,
        BufferedColumn(std::move(dataset), empty_like(column.data), options_.chunk_steps)});
  }
  defined_ = true;
}

void SeriesGroup::append(std::int64_t step, const Table& table) {
  validate(step, table);  // before anything is buffered: a rejected step changes nothing
  if (!defined_) define_columns(table);
  step_.append(ColumnData{std::vector<std::int64_t>{step}});
  if (same_order(table)) {
    for (std::size_t c = 0; c < columns_.size(); ++c) columns_[c].column.append(table.columns[c].data);
  } else {
    for (const auto& column : table.columns) find_column(columns_, column.name).append(column.data);
  }
  last_step_ = step;
  step_.flush_full_chunks();
  for (auto& named : columns_) named.column.flush_full_chunks();
}

void SeriesGroup::flush() {
  step_.flush();
  for (auto& named : columns_) named.column.flush();
}

}  // namespace sentra::output
