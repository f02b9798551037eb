#pragma once
// Snapshots of a table whose row count changes from snapshot to snapshot (agents of one
// kind, edges of one network layer), stored as a CF "contiguous ragged array": all
// snapshots' rows are concatenated in one 1-D dataset per column, and per snapshot
// `snapshot_step`, `count` (its rows) and `offset` (index of its first row) say which
// slice belongs to which step. Snapshot s is rows [offset[s], offset[s] + count[s]).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/table.hpp"
#include "output/column_set.hpp"
#include "output/hdf5_dataset.hpp"
#include "output/writer_options.hpp"

namespace sentra::output {

class RaggedGroup {
 public:
  // Name of the (data-less) dimension the concatenated rows run along.
  static constexpr const char* sample_dimension = "sample";

  // Chunk length of the row columns: the first snapshot's rows rounded up to a power of two,
  // at least min_chunk_elements and at most `most` (WriterOptions::chunk_elements). HDF5
  // compresses whole chunks, the unwritten tail of the last one included, so a small world
  // written in 65,536-row chunks spent most of its run deflating fill values.
  static constexpr std::size_t min_chunk_elements = 1024;
  static std::size_t chunk_for(std::size_t first_rows, std::size_t most);

  // Creates the group `name` under `parent` and its index datasets.
  RaggedGroup(hid_t parent, const std::string& name, std::string where,
              const WriterOptions& options);

  // Throws std::logic_error if the table could not be appended: the step does not
  // increase, columns differ in length, or the column set differs from the first
  // snapshot's. check_table() holds for the first snapshot, before the group exists.
  static void check_table(const Table& table, const std::string& where);
  void validate(std::int64_t step, const Table& table) const;

  // Appends one snapshot (validating it first).
  void append(std::int64_t step, const Table& table);
  void flush();

 private:
  void define_columns(const Table& table);

  std::string where_;
  WriterOptions options_;
  h5::Group group_;
  BufferedColumn snapshot_step_;
  BufferedColumn count_;
  BufferedColumn offset_;
  h5::ExtendibleDataset sample_;
  std::vector<NamedColumn> columns_;
  bool defined_ = false;
  std::optional<std::int64_t> last_step_;
  std::int64_t total_rows_ = 0;
};

}  // namespace sentra::output
