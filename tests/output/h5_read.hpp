#pragma once
// Minimal readers for the tests, written with the plain HDF5 C API. Only the RAII handles
// and the C++-to-HDF5 type mapping are shared with the writer, so the round trip checks
// the file rather than the writer against itself.
#include <hdf5.h>
#include <hdf5_hl.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "output/hdf5_dataset.hpp"
#include "output/hdf5_handle.hpp"

namespace sentra::output::testing {

class Reader {
 public:
  explicit Reader(const std::string& path)
      : file_(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), "open " + path) {}

  hid_t file() const { return file_.get(); }

  h5::Dataset open(const std::string& path) const {
    return h5::Dataset(H5Dopen2(file_.get(), path.c_str(), H5P_DEFAULT), "open " + path);
  }
  bool exists(const std::string& path) const {
    return H5Lexists(file_.get(), path.c_str(), H5P_DEFAULT) > 0;
  }

  std::vector<hsize_t> dims(const std::string& path) const { return shape(path, false); }
  std::vector<hsize_t> max_dims(const std::string& path) const { return shape(path, true); }

  template <class T>
  std::vector<T> read(const std::string& path) const {
    const h5::Dataset ds = open(path);
    std::size_t n = 1;
    for (auto d : dims(path)) n *= d;
    std::vector<T> values(n);
    if (n > 0)
      h5::check(H5Dread(ds.get(), h5::native_type<T>(), H5S_ALL, H5S_ALL, H5P_DEFAULT,
                        values.data()),
                "read " + path);
    return values;
  }

  // 1-D variable-length string dataset, or a scalar one (as one element).
  std::vector<std::string> read_strings(const std::string& path) const {
    const h5::Dataset ds = open(path);
    const h5::Dataspace space(H5Dget_space(ds.get()), "space of " + path);
    const auto n = static_cast<std::size_t>(H5Sget_simple_extent_npoints(space.get()));
    const h5::Datatype type = h5::utf8_string_type();
    std::vector<char*> raw(n, nullptr);
    if (n > 0)
      h5::check(H5Dread(ds.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, raw.data()),
                "read " + path);
    std::vector<std::string> result(raw.begin(), raw.end());
    if (n > 0) H5Dvlen_reclaim(type.get(), space.get(), H5P_DEFAULT, raw.data());
    return result;
  }

  std::string attr_string(const std::string& object, const std::string& name) const {
    const h5::Attribute attr(
        H5Aopen_by_name(file_.get(), object.c_str(), name.c_str(), H5P_DEFAULT, H5P_DEFAULT),
        "open attribute " + object + "@" + name);
    const h5::Datatype type = h5::utf8_string_type();
    char* raw = nullptr;
    h5::check(H5Aread(attr.get(), type.get(), &raw), "read attribute " + name);
    std::string value = raw ? raw : "";
    H5free_memory(raw);
    return value;
  }

  template <class T>
  T attr(const std::string& object, const std::string& name) const {
    const h5::Attribute attr(
        H5Aopen_by_name(file_.get(), object.c_str(), name.c_str(), H5P_DEFAULT, H5P_DEFAULT),
        "open attribute " + object + "@" + name);
    T value{};
    h5::check(H5Aread(attr.get(), h5::native_type<T>(), &value), "read attribute " + name);
    return value;
  }

  // Field names of a compound dataset (a table of format 2.0), in stored order.
  std::vector<std::string> field_names(const std::string& path) const {
    const h5::Dataset ds = open(path);
    const h5::Datatype type(H5Dget_type(ds.get()), "type of " + path);
    if (H5Tget_class(type.get()) != H5T_COMPOUND) throw std::runtime_error(path + " is not a table");
    std::vector<std::string> names;
    for (int i = 0; i < H5Tget_nmembers(type.get()); ++i) {
      char* name = H5Tget_member_name(type.get(), static_cast<unsigned>(i));
      names.emplace_back(name);
      H5free_memory(name);
    }
    return names;
  }

  // Class and size of one field of a compound dataset, e.g. {H5T_FLOAT, 8}.
  std::pair<H5T_class_t, std::size_t> field_type(const std::string& path, const std::string& field) const {
    const h5::Dataset ds = open(path);
    const h5::Datatype type(H5Dget_type(ds.get()), "type of " + path);
    const int index = H5Tget_member_index(type.get(), field.c_str());
    if (index < 0) throw std::runtime_error(path + " has no field " + field);
    const h5::Datatype member(H5Tget_member_type(type.get(), static_cast<unsigned>(index)), "type of " + field);
    return {H5Tget_class(member.get()), H5Tget_size(member.get())};
  }

  // One field of a 1-D compound dataset, read through a one-member memory type.
  template <class T>
  std::vector<T> read_field(const std::string& path, const std::string& field) const {
    const h5::Dataset ds = open(path);
    const h5::Datatype one(H5Tcreate(H5T_COMPOUND, sizeof(T)), "memory type for " + field);
    h5::check(H5Tinsert(one.get(), field.c_str(), 0, h5::native_type<T>()), "memory type for " + field);
    std::vector<T> values(static_cast<std::size_t>(dims(path).at(0)));
    if (!values.empty())
      h5::check(H5Dread(ds.get(), one.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()),
                "read " + path + "." + field);
    return values;
  }

  // A variable-length string field of a 1-D compound dataset.
  std::vector<std::string> read_field_strings(const std::string& path, const std::string& field) const {
    const h5::Dataset ds = open(path);
    const h5::Datatype text = h5::utf8_string_type();
    const h5::Datatype one(H5Tcreate(H5T_COMPOUND, sizeof(char*)), "memory type for " + field);
    h5::check(H5Tinsert(one.get(), field.c_str(), 0, text.get()), "memory type for " + field);
    std::vector<char*> raw(static_cast<std::size_t>(dims(path).at(0)), nullptr);
    std::vector<std::string> values;
    if (raw.empty()) return values;
    h5::check(H5Dread(ds.get(), one.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, raw.data()), "read " + path);
    for (char* s : raw) {
      values.emplace_back(s ? s : "");
      H5free_memory(s);
    }
    return values;
  }

  // A 1-D attribute of variable-length strings.
  std::vector<std::string> attr_strings(const std::string& object, const std::string& name) const {
    const h5::Attribute attr(
        H5Aopen_by_name(file_.get(), object.c_str(), name.c_str(), H5P_DEFAULT, H5P_DEFAULT),
        "open attribute " + object + "@" + name);
    const h5::Dataspace space(H5Aget_space(attr.get()), "space of " + object + "@" + name);
    const auto n = static_cast<std::size_t>(H5Sget_simple_extent_npoints(space.get()));
    const h5::Datatype type = h5::utf8_string_type();
    std::vector<char*> raw(n, nullptr);
    if (n > 0) h5::check(H5Aread(attr.get(), type.get(), raw.data()), "read attribute " + name);
    std::vector<std::string> values;
    for (char* s : raw) {
      values.emplace_back(s ? s : "");
      H5free_memory(s);
    }
    return values;
  }

  // Class and size of the stored type, e.g. {H5T_FLOAT, 8}.
  std::pair<H5T_class_t, std::size_t> stored_type(const std::string& path) const {
    const h5::Dataset ds = open(path);
    const h5::Datatype type(H5Dget_type(ds.get()), "type of " + path);
    return {H5Tget_class(type.get()), H5Tget_size(type.get())};
  }

  std::vector<hsize_t> chunk(const std::string& path) const {
    const h5::Dataset ds = open(path);
    const h5::PropList props(H5Dget_create_plist(ds.get()), "creation properties of " + path);
    if (H5Pget_layout(props.get()) != H5D_CHUNKED) return {};
    std::vector<hsize_t> result(8);
    const int rank = H5Pget_chunk(props.get(), 8, result.data());
    result.resize(static_cast<std::size_t>(rank));
    return result;
  }

  std::vector<H5Z_filter_t> filters(const std::string& path) const {
    const h5::Dataset ds = open(path);
    const h5::PropList props(H5Dget_create_plist(ds.get()), "creation properties of " + path);
    std::vector<H5Z_filter_t> result;
    const int n = H5Pget_nfilters(props.get());
    for (int i = 0; i < n; ++i) {
      unsigned flags = 0, config = 0;
      std::size_t n_values = 4;
      unsigned values[4] = {};
      char name[64];
      result.push_back(H5Pget_filter2(props.get(), static_cast<unsigned>(i), &flags, &n_values,
                                      values, sizeof name, name, &config));
    }
    return result;
  }

  bool is_scale(const std::string& path) const {
    const h5::Dataset ds = open(path);
    return H5DSis_scale(ds.get()) > 0;
  }
  bool is_attached(const std::string& path, const std::string& scale, unsigned axis) const {
    const h5::Dataset ds = open(path);
    const h5::Dataset sc = open(scale);
    return H5DSis_attached(ds.get(), sc.get(), axis) > 0;
  }

 private:
  std::vector<hsize_t> shape(const std::string& path, bool maximum) const {
    const h5::Dataset ds = open(path);
    const h5::Dataspace space(H5Dget_space(ds.get()), "space of " + path);
    const int rank = H5Sget_simple_extent_ndims(space.get());
    std::vector<hsize_t> current(static_cast<std::size_t>(rank)), max(current.size());
    H5Sget_simple_extent_dims(space.get(), current.data(), max.data());
    return maximum ? max : current;
  }

  h5::File file_;
};

}  // namespace sentra::output::testing
