#include "output/ragged_group.hpp"

#include <algorithm>
#include <bit>
#include <stdexcept>
#include <utility>

namespace sentra::output {
namespace {

// One int64 value per snapshot, chunked like the per-step series.
BufferedColumn index_column(hid_t group, const std::string& name, const std::string& units,
                            const std::string& description, const std::string& where,
                            const WriterOptions& options) {
  h5::ExtendibleDataset dataset(group, name, H5T_NATIVE_INT64, {}, options.chunk_steps,
                                options.deflate_level, where + "/" + name);
  h5::write_attribute(dataset.id(), "units", units, dataset.where());
  h5::write_attribute(dataset.id(), "description", description, dataset.where());
  return BufferedColumn(std::move(dataset), ColumnData{std::vector<std::int64_t>{}},
                        options.chunk_steps);
}

const std::vector<std::string>& reserved_names() {
  static const std::vector<std::string> names{"snapshot_step", "count", "offset",
                                              RaggedGroup::sample_dimension};
  return names;
}

}  // namespace

RaggedGroup::RaggedGroup(hid_t parent, const std::string& name, std::string where,
                         const WriterOptions& options)
    : where_(std::move(where)),
      options_(options),
      group_(h5::create_group(parent, name, where_)),
      snapshot_step_(index_column(group_.get(), "snapshot_step", "step",
                                  "simulation step of each snapshot", where_, options)),
      count_(index_column(group_.get(), "count", "1", "number of rows in each snapshot",
                          where_, options)),
      offset_(index_column(group_.get(), "offset", "1",
                           "index of the first row of each snapshot along the sample "
                           "dimension (the cumulative sum of count before it)",
                           where_, options)),
      sample_(h5::create_dimension_only(group_.get(), sample_dimension,
                                        where_ + "/" + sample_dimension)) {
  h5::ExtendibleDataset& steps = snapshot_step_.dataset();
  h5::make_scale(steps.id(), "snapshot_step", steps.where());
  h5::attach_scale(count_.dataset().id(), steps.id(), 0, count_.dataset().where());
  h5::attach_scale(offset_.dataset().id(), steps.id(), 0, offset_.dataset().where());
  // CF conventions (chapter 9, contiguous ragged array): the count variable names the
  // dimension the concatenated rows run along.
  h5::write_attribute(count_.dataset().id(), "sample_dimension",
                      std::string(sample_dimension), count_.dataset().where());
}

void RaggedGroup::check_table(const Table& table, const std::string& where) {
  check_column_names(table, reserved_names(), where);
  for (const auto& column : table.columns)
    if (column.size() != table.rows())
      throw std::logic_error(where + ": column '" + column.name + "' has " +
                             std::to_string(column.size()) + " rows, column '" +
                             table.columns.front().name + "' has " +
                             std::to_string(table.rows()));
}

void RaggedGroup::validate(std::int64_t step, const Table& table) const {
  const std::string at = where_ + " at step " + std::to_string(step);
  if (last_step_ && step <= *last_step_)
    throw std::logic_error(at + ": snapshot steps must strictly increase (previous step " +
                           std::to_string(*last_step_) + ")");
  check_table(table, at);
  if (defined_) check_same_columns(table, columns_, at);
}

std::size_t RaggedGroup::chunk_for(std::size_t first_rows, std::size_t most) {
  return std::min(most, std::max<std::size_t>(min_chunk_elements, std::bit_ceil(first_rows)));
}

void RaggedGroup::define_columns(const Table& table) {
  const std::size_t chunk = chunk_for(table.rows(), options_.chunk_elements);
  for (const auto& column : table.columns) {
    const std::string where = where_ + "/" + column.name;
    h5::ExtendibleDataset dataset(group_.get(), column.name, h5::native_type(column.data), {},
                                  chunk, options_.deflate_level, where);
    h5::write_attribute(dataset.id(), "units", column.unit, where);
    h5::write_attribute(dataset.id(), "description", column.description, where);
    h5::attach_scale(dataset.id(), sample_.id(), 0, where);
    columns_.push_back(NamedColumn{
        column.name,
        BufferedColumn(std::move(dataset), empty_like(column.data), chunk)});
  }
  defined_ = true;
}

void RaggedGroup::append(std::int64_t step, const Table& table) {
  validate(step, table);  // before anything is buffered: a rejected snapshot changes nothing
  if (!defined_) define_columns(table);
  const auto rows = static_cast<std::int64_t>(table.rows());
  snapshot_step_.append(ColumnData{std::vector<std::int64_t>{step}});
  count_.append(ColumnData{std::vector<std::int64_t>{rows}});
  offset_.append(ColumnData{std::vector<std::int64_t>{total_rows_}});
  for (const auto& column : table.columns) find_column(columns_, column.name).append(column.data);
  total_rows_ += rows;
  last_step_ = step;

  snapshot_step_.flush_full_chunks();
  count_.flush_full_chunks();
  offset_.flush_full_chunks();
  for (auto& named : columns_) named.column.flush_full_chunks();
}

void RaggedGroup::flush() {
  snapshot_step_.flush();
  count_.flush();
  offset_.flush();
  for (auto& named : columns_) named.column.flush();
  // The dimension-only scale carries no data; only its length has to match.
  sample_.resize(static_cast<std::size_t>(total_rows_));
}

}  // namespace sentra::output
