#pragma once
// A table stored as ONE HDF5 dataset (format 2.0, docs/output.md): a 1-D dataset of a
// compound type with one field per column and one element per row, chunked along the rows,
// growing as rows are appended. h5py reads it as a numpy structured array (a pandas
// DataFrame in one call), R's hdf5r as a data.frame. The columns' units and descriptions
// are two string-array attributes, `units` and `description`, one entry per field in field
// order.
//
// One dataset instead of one per column: a run file's HDF5 metadata (object headers,
// dimension scales, attributes, the metadata flush), not its data, was what made writing
// small runs expensive (docs/performance.md, run files).
//
// Every row starts with key fields the table adds itself: `step` (the step the rows belong
// to, the same for all rows of one append) and, for per-region series, `region` (the row's
// index within the appended table, 0..R-1). The first table appended fixes the column set;
// later ones must bring the same columns with the same value types (any order).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/table.hpp"
#include "output/hdf5_dataset.hpp"

namespace sentra::output {

class RecordTable {
 public:
  // Which key fields lead every row.
  enum class Keys { step, step_and_region };

  // `parent`: the group the dataset goes in; `where` names the dataset in messages.
  // `rows_per_append`: the number of rows every append must bring (R for per-region series),
  // or nullopt when it may vary (snapshots). The dataset is created at the first append (or
  // at flush, with the key fields only, if nothing was appended).
  RecordTable(hid_t parent, std::string name, std::string where, Keys keys,
              std::optional<std::size_t> rows_per_append, std::size_t chunk_rows, int deflate_level);
  RecordTable(const RecordTable&) = delete;
  RecordTable& operator=(const RecordTable&) = delete;
  RecordTable(RecordTable&&) noexcept = default;
  RecordTable& operator=(RecordTable&&) noexcept = default;

  // Chunk length for snapshots: set before the first append (by the first snapshot's rows).
  void set_chunk_rows(std::size_t rows) { chunk_rows_ = rows; }
  bool defined() const { return defined_; }

  // Throws std::logic_error if the table could not be appended at `step`: the step does not
  // increase, a column name is invalid or reserved (a key field), columns differ in length
  // or from rows_per_append, or the column set differs from the first table's.
  void validate(std::int64_t step, const Table& table) const;
  // Appends the table's rows (validating first: a rejected table changes nothing). Whole
  // chunks are written as they fill; the rest waits in memory until flush().
  void append(std::int64_t step, const Table& table);
  // The same for a table validate() has just accepted (validation compares every column's
  // name; a run file's series are appended once per step).
  void append_validated(std::int64_t step, const Table& table);
  // Writes everything buffered; creates the dataset first if nothing was appended.
  void flush();

  // String-array attribute on the dataset (e.g. the region names), written when it is
  // created. Call before the first append.
  void add_text_attribute(std::string name, std::vector<std::string> values);

  hid_t id() const { return dataset_.id(); }

 private:
  struct Field {
    std::string name;
    std::size_t type_index;  // ColumnData alternative
    std::size_t offset;      // in a packed row
    std::size_t size;
  };
  void define(const Table& table);
  bool same_order(const Table& table) const;
  std::size_t key_count() const { return keys_ == Keys::step ? 1 : 2; }
  void pack(std::int64_t step, const Table& table, bool known_order);
  void write_front(std::size_t rows);

  hid_t parent_;
  std::string name_, where_;
  Keys keys_;
  std::optional<std::size_t> rows_per_append_;
  std::size_t chunk_rows_;
  int deflate_level_;
  std::vector<std::pair<std::string, std::vector<std::string>>> text_attributes_;
  std::vector<Field> fields_;  // key fields first, then the columns
  std::size_t row_size_ = 0;
  h5::Datatype type_;
  h5::ExtendibleDataset dataset_;
  std::vector<unsigned char> pending_;  // packed rows not yet written
  bool defined_ = false;
  std::optional<std::int64_t> last_step_;
};

}  // namespace sentra::output
