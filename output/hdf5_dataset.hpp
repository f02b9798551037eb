#pragma once
// The HDF5 building blocks the run file is made of: groups, attributes, small fixed
// datasets, text datasets, dimension scales and chunked datasets that grow along their
// first axis. Each function takes `where` ("file.h5.partial:/group/name") so a failure
// names the file and the object.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/table.hpp"
#include "output/hdf5_handle.hpp"

namespace sentra::output::h5 {

// Memory types of the C++ value types the writer stores.
template <class T>
hid_t native_type();
template <> inline hid_t native_type<double>() { return H5T_NATIVE_DOUBLE; }
template <> inline hid_t native_type<float>() { return H5T_NATIVE_FLOAT; }
template <> inline hid_t native_type<std::int64_t>() { return H5T_NATIVE_INT64; }
template <> inline hid_t native_type<std::int32_t>() { return H5T_NATIVE_INT32; }
template <> inline hid_t native_type<std::uint64_t>() { return H5T_NATIVE_UINT64; }
template <> inline hid_t native_type<std::uint32_t>() { return H5T_NATIVE_UINT32; }
template <> inline hid_t native_type<std::uint8_t>() { return H5T_NATIVE_UINT8; }

// Memory type of whichever alternative `data` holds.
hid_t native_type(const ColumnData& data);

// Variable-length UTF-8 string: h5py reads it as str, netCDF-4 as NC_STRING.
Datatype utf8_string_type();

// Groups and files track link creation order, as netCDF-4 files do, so netCDF readers
// list variables in the order they were written.
Group create_group(hid_t parent, const std::string& name, const std::string& where);

// Scalar attributes. An existing attribute of the same name is replaced.
void write_attribute(hid_t object, const std::string& name, const std::string& value,
                     const std::string& where);
void write_attribute(hid_t object, const std::string& name, hid_t mem_type,
                     const void* value, const std::string& where);
template <class T>
void write_attribute(hid_t object, const std::string& name, T value,
                     const std::string& where) {
  write_attribute(object, name, native_type<T>(), &value, where);
}

// A 1-D attribute of variable-length UTF-8 strings (one per column of a table: units,
// descriptions; region names). An existing attribute of the same name is replaced.
void write_string_array_attribute(hid_t object, const std::string& name,
                                  const std::vector<std::string>& values, const std::string& where);

// A scalar variable-length string dataset. Used for long text (YAML files, command
// lines): attributes live in the object header and fail beyond 64 KiB.
void write_text(hid_t parent, const std::string& name, const std::string& text,
                const std::string& where);

// Small 1-D datasets written once (region index and names).
Dataset write_fixed(hid_t parent, const std::string& name, hid_t mem_type, const void* data,
                    std::size_t n, const std::string& where);
Dataset write_strings(hid_t parent, const std::string& name,
                      const std::vector<std::string>& values, const std::string& where);

// Dimension scales (H5DS, libhdf5_hl): make `scale` the coordinate of a dimension named
// after it, then attach it to axis `axis` of `dataset`. xarray/netCDF then see e.g.
// `step` as the coordinate of every aggregate series.
void make_scale(hid_t scale, const std::string& dimension_name, const std::string& where);
void attach_scale(hid_t dataset, hid_t scale, unsigned axis, const std::string& where);

// A chunked dataset with shape [rows, row_shape...] that grows along axis 0 (unlimited).
// Compressed with shuffle + deflate when deflate_level > 0: shuffle groups the bytes of
// similar numbers together, which roughly doubles what deflate achieves on numeric data.
class ExtendibleDataset {
 public:
  ExtendibleDataset() = default;
  ExtendibleDataset(hid_t parent, const std::string& name, hid_t file_type,
                    std::vector<std::size_t> row_shape, std::size_t chunk_rows,
                    int deflate_level, std::string where);

  // Appends `rows` rows taken from `data` (rows * row_elements() values of `mem_type`).
  void append(hid_t mem_type, const void* data, std::size_t rows);
  // Grows the dataset without writing: storage is only allocated when chunks are
  // written, so this costs nothing (used for netCDF dimension-only scales).
  void resize(std::size_t rows);

  hid_t id() const { return dataset_.get(); }
  std::size_t rows() const { return rows_; }
  std::size_t row_elements() const;
  const std::string& where() const { return where_; }

 private:
  std::vector<hsize_t> dims(std::size_t rows) const;

  Dataset dataset_;
  std::vector<std::size_t> row_shape_;
  std::size_t rows_ = 0;
  std::string where_;
};

// A netCDF "dimension without a variable": an empty extendible dataset marked as a
// dimension scale with the name netCDF-4 uses for such dimensions. It gives ragged
// arrays and events a named dimension so xarray can open those groups too; no data is
// ever written to it, so it takes no space.
ExtendibleDataset create_dimension_only(hid_t parent, const std::string& name,
                                        const std::string& where);

}  // namespace sentra::output::h5
