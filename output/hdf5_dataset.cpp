#include "output/hdf5_dataset.hpp"

#include <hdf5_hl.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <numeric>
#include <stdexcept>
#include <utility>
#include <variant>

namespace sentra::output::h5 {
namespace {

PropList creation_order_props(hid_t class_id, const std::string& where) {
  PropList props(H5Pcreate(class_id), "create property list for " + where);
  check(H5Pset_link_creation_order(props.get(), H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED),
        "track link creation order of " + where);
  check(H5Pset_attr_creation_order(props.get(), H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED),
        "track attribute creation order of " + where);
  return props;
}

void delete_attribute_if_present(hid_t object, const std::string& name,
                                 const std::string& where) {
  const htri_t exists = H5Aexists(object, name.c_str());
  check(exists, "look up attribute '" + name + "' of " + where);
  if (exists > 0)
    check(H5Adelete(object, name.c_str()), "replace attribute '" + name + "' of " + where);
}

// Transfer properties for writing `elements` values of `mem_type` to `dataset`. Where
// values need converting (variable-length strings always do), HDF5 allocates and zeroes a
// conversion buffer of H5Pset_buffer's size, 1 MiB by default, for every write: for the
// few hundred bytes of a run file's text that zeroing was most of the cost of writing it.
// The buffer asked for here holds the values written (HDF5 converts in pieces when it is
// smaller, and needs room for one value at least). Twice the larger type's size, since a
// variable-length string takes 16 bytes on disk but H5Dget_type reports the 8 of a
// pointer; at least 4 KiB.
PropList transfer_props(hid_t dataset, hid_t mem_type, std::size_t elements, const std::string& where) {
  const Datatype stored(H5Dget_type(dataset), "read the type of " + where);
  const std::size_t value = std::max(H5Tget_size(mem_type), H5Tget_size(stored.get()));
  PropList props(H5Pcreate(H5P_DATASET_XFER), "create transfer properties for " + where);
  check(H5Pset_buffer(props.get(), std::max<std::size_t>(4096, 2 * elements * value), nullptr, nullptr),
        "size the conversion buffer for " + where);
  return props;
}

// [first, row_shape...]
std::vector<hsize_t> shape(hsize_t first, const std::vector<std::size_t>& row_shape) {
  std::vector<hsize_t> result;
  result.reserve(row_shape.size() + 1);
  result.push_back(first);
  for (const auto n : row_shape) result.push_back(n);
  return result;
}

}  // namespace

hid_t native_type(const ColumnData& data) {
  return std::visit(
      [](const auto& values) {
        using T = typename std::decay_t<decltype(values)>::value_type;
        return native_type<T>();
      },
      data);
}

Datatype utf8_string_type() {
  Datatype type(H5Tcopy(H5T_C_S1), "copy the string type");
  check(H5Tset_size(type.get(), H5T_VARIABLE), "make a variable-length string type");
  check(H5Tset_cset(type.get(), H5T_CSET_UTF8), "make a UTF-8 string type");
  return type;
}

Group create_group(hid_t parent, const std::string& name, const std::string& where) {
  const PropList props = creation_order_props(H5P_GROUP_CREATE, where);
  return Group(H5Gcreate2(parent, name.c_str(), H5P_DEFAULT, props.get(), H5P_DEFAULT),
               "create group " + where);
}

void write_attribute(hid_t object, const std::string& name, const std::string& value,
                     const std::string& where) {
  delete_attribute_if_present(object, name, where);
  const Datatype type = utf8_string_type();
  const Dataspace space(H5Screate(H5S_SCALAR), "create a scalar dataspace");
  const Attribute attribute(
      H5Acreate2(object, name.c_str(), type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT),
      "create attribute '" + name + "' of " + where);
  const char* text = value.c_str();
  check(H5Awrite(attribute.get(), type.get(), &text),
        "write attribute '" + name + "' of " + where);
}

void write_attribute(hid_t object, const std::string& name, hid_t mem_type,
                     const void* value, const std::string& where) {
  delete_attribute_if_present(object, name, where);
  const Dataspace space(H5Screate(H5S_SCALAR), "create a scalar dataspace");
  const Attribute attribute(
      H5Acreate2(object, name.c_str(), mem_type, space.get(), H5P_DEFAULT, H5P_DEFAULT),
      "create attribute '" + name + "' of " + where);
  check(H5Awrite(attribute.get(), mem_type, value),
        "write attribute '" + name + "' of " + where);
}

void write_string_array_attribute(hid_t object, const std::string& name,
                                  const std::vector<std::string>& values, const std::string& where) {
  delete_attribute_if_present(object, name, where);
  const Datatype type = utf8_string_type();
  const hsize_t n = values.size();
  const Dataspace space(H5Screate_simple(1, &n, nullptr), "create a dataspace for attribute '" + name + "'");
  const Attribute attribute(H5Acreate2(object, name.c_str(), type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT),
                            "create attribute '" + name + "' of " + where);
  if (values.empty()) return;  // nothing to write (and a null buffer would be rejected)
  std::vector<const char*> pointers;
  pointers.reserve(values.size());
  for (const auto& v : values) pointers.push_back(v.c_str());
  check(H5Awrite(attribute.get(), type.get(), pointers.data()), "write attribute '" + name + "' of " + where);
}

void write_text(hid_t parent, const std::string& name, const std::string& text,
                const std::string& where) {
  const Datatype type = utf8_string_type();
  const Dataspace space(H5Screate(H5S_SCALAR), "create a scalar dataspace");
  const Dataset dataset(H5Dcreate2(parent, name.c_str(), type.get(), space.get(), H5P_DEFAULT,
                                   H5P_DEFAULT, H5P_DEFAULT),
                        "create dataset " + where);
  const char* data = text.c_str();
  const PropList transfer = transfer_props(dataset.get(), type.get(), 1, where);
  check(H5Dwrite(dataset.get(), type.get(), H5S_ALL, H5S_ALL, transfer.get(), &data),
        "write dataset " + where);
}

Dataset write_fixed(hid_t parent, const std::string& name, hid_t mem_type, const void* data,
                    std::size_t n, const std::string& where) {
  const hsize_t dims[1] = {n};
  const Dataspace space(H5Screate_simple(1, dims, nullptr), "create dataspace for " + where);
  Dataset dataset(H5Dcreate2(parent, name.c_str(), mem_type, space.get(), H5P_DEFAULT,
                             H5P_DEFAULT, H5P_DEFAULT),
                  "create dataset " + where);
  // An empty dataset has nothing to write (and a null buffer would be rejected).
  if (n > 0)
    check(H5Dwrite(dataset.get(), mem_type, H5S_ALL, H5S_ALL,
                   transfer_props(dataset.get(), mem_type, n, where).get(), data),
          "write dataset " + where);
  return dataset;
}

Dataset write_strings(hid_t parent, const std::string& name,
                      const std::vector<std::string>& values, const std::string& where) {
  std::vector<const char*> pointers;
  pointers.reserve(values.size());
  for (const auto& v : values) pointers.push_back(v.c_str());
  const Datatype type = utf8_string_type();
  return write_fixed(parent, name, type.get(), pointers.data(), pointers.size(), where);
}

void make_scale(hid_t scale, const std::string& dimension_name, const std::string& where) {
  check(H5DSset_scale(scale, dimension_name.c_str()), "make a dimension scale of " + where);
}

void attach_scale(hid_t dataset, hid_t scale, unsigned axis, const std::string& where) {
  check(H5DSattach_scale(dataset, scale, axis),
        "attach a dimension scale to axis " + std::to_string(axis) + " of " + where);
}

ExtendibleDataset::ExtendibleDataset(hid_t parent, const std::string& name, hid_t file_type,
                                     std::vector<std::size_t> row_shape,
                                     std::size_t chunk_rows, int deflate_level,
                                     std::string where)
    : row_shape_(std::move(row_shape)), where_(std::move(where)) {
  if (chunk_rows == 0) throw std::logic_error("chunk size 0 for " + where_);
  const std::vector<hsize_t> current = dims(0);
  const std::vector<hsize_t> maximum = shape(H5S_UNLIMITED, row_shape_);
  std::vector<hsize_t> chunk = shape(chunk_rows, row_shape_);
  // A zero-length fixed axis cannot be chunked; such a dataset never holds data anyway.
  for (auto& c : chunk) c = std::max<hsize_t>(c, 1);

  const int rank = static_cast<int>(current.size());
  const Dataspace space(H5Screate_simple(rank, current.data(), maximum.data()),
                        "create dataspace for " + where_);
  const PropList props(H5Pcreate(H5P_DATASET_CREATE), "create property list for " + where_);
  check(H5Pset_chunk(props.get(), rank, chunk.data()), "set chunking of " + where_);
  if (deflate_level > 0) {
    check(H5Pset_shuffle(props.get()), "set the shuffle filter of " + where_);
    check(H5Pset_deflate(props.get(), static_cast<unsigned>(deflate_level)),
          "set the deflate filter of " + where_);
  }
  dataset_ = Dataset(H5Dcreate2(parent, name.c_str(), file_type, space.get(), H5P_DEFAULT,
                                props.get(), H5P_DEFAULT),
                     "create dataset " + where_);
}

std::size_t ExtendibleDataset::row_elements() const {
  return std::accumulate(row_shape_.begin(), row_shape_.end(), std::size_t{1},
                         std::multiplies<>());
}

std::vector<hsize_t> ExtendibleDataset::dims(std::size_t rows) const {
  return shape(rows, row_shape_);
}

void ExtendibleDataset::resize(std::size_t rows) {
  if (rows == rows_) return;
  const std::vector<hsize_t> extent = dims(rows);
  check(H5Dset_extent(dataset_.get(), extent.data()), "extend dataset " + where_);
  rows_ = rows;
}

void ExtendibleDataset::append(hid_t mem_type, const void* data, std::size_t rows) {
  if (rows == 0) return;
  const std::size_t first = rows_;
  resize(rows_ + rows);

  const Dataspace file_space(H5Dget_space(dataset_.get()), "get the dataspace of " + where_);
  std::vector<hsize_t> start(row_shape_.size() + 1, 0);
  start[0] = first;
  const std::vector<hsize_t> count = dims(rows);
  check(H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, start.data(), nullptr,
                            count.data(), nullptr),
        "select rows of " + where_);
  const Dataspace memory_space(
      H5Screate_simple(static_cast<int>(count.size()), count.data(), nullptr),
      "create a memory dataspace for " + where_);
  const PropList transfer = transfer_props(dataset_.get(), mem_type, rows * row_elements(), where_);
  check(H5Dwrite(dataset_.get(), mem_type, memory_space.get(), file_space.get(), transfer.get(),
                 data),
        "write " + std::to_string(rows) + " rows to " + where_);
}

ExtendibleDataset create_dimension_only(hid_t parent, const std::string& name,
                                        const std::string& where) {
  // netCDF-4 itself stores such a dimension as a big-endian float dataset whose scale
  // NAME starts with this sentence, followed by the length in 10 characters; readers
  // (netCDF-C, h5netcdf) check the prefix and take the length from the dataspace.
  ExtendibleDataset dimension(parent, name, H5T_IEEE_F32BE, {}, 1024, 0, where);
  char scale_name[80];
  std::snprintf(scale_name, sizeof scale_name,
                "This is a netCDF dimension but not a netCDF variable.%10d", 0);
  make_scale(dimension.id(), scale_name, where);
  return dimension;
}

}  // namespace sentra::output::h5
