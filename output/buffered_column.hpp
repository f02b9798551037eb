#pragma once
// One growing dataset plus the rows not yet written to it. Rows are written only in
// whole chunks (the rest waits in memory until commit), so every chunk is compressed
// and written exactly once: appending one step at a time with small writes would make
// HDF5 decompress, patch and recompress the same chunk over and over.
#include <cstddef>
#include <string>

#include "engine/table.hpp"
#include "output/hdf5_dataset.hpp"

namespace sentra::output {

// An empty ColumnData holding the same value type as `like`.
ColumnData empty_like(const ColumnData& like);

class BufferedColumn {
 public:
  // `pending` fixes the value type (its contents are appended first).
  BufferedColumn(h5::ExtendibleDataset dataset, ColumnData pending, std::size_t chunk_rows);

  // Appends whole rows (values.size() must be a multiple of the row width) of the same
  // value type as the column; throws std::logic_error otherwise.
  void append(const ColumnData& values);
  // Writes as many whole chunks as are buffered.
  void flush_full_chunks();
  // Writes everything buffered, including a last partial chunk.
  void flush();

  std::size_t total_rows() const;  // written + pending
  std::size_t type_index() const { return pending_.index(); }  // ColumnData alternative
  h5::ExtendibleDataset& dataset() { return dataset_; }

 private:
  std::size_t pending_rows() const;
  void write_front(std::size_t rows);

  h5::ExtendibleDataset dataset_;
  ColumnData pending_;
  std::size_t chunk_rows_;
};

}  // namespace sentra::output
