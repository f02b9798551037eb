#include "output/hdf5_reader.hpp"

#include <array>
#include <cstdio>
#include <fstream>
#include <stdexcept>

#include "output/hdf5_dataset.hpp"

namespace sentra::output {
namespace {

std::vector<hsize_t> shape_of(hid_t dataset, const std::string& where) {
  const h5::Dataspace space(H5Dget_space(dataset), "read the shape of " + where);
  const int rank = H5Sget_simple_extent_ndims(space.get());
  if (rank < 0) throw std::runtime_error("HDF5: cannot read the shape of " + where);
  std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
  if (rank > 0) h5::check(H5Sget_simple_extent_dims(space.get(), dims.data(), nullptr), "read the shape of " + where);
  return dims;
}

std::string format_number(double v) {
  std::array<char, 32> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%.15g", v);
  return buffer.data();
}

std::optional<std::string> read_text_attribute(hid_t object, const std::string& name, const std::string& where) {
  if (H5Aexists(object, name.c_str()) <= 0) return std::nullopt;
  const h5::Attribute a(H5Aopen(object, name.c_str(), H5P_DEFAULT), "open " + where);
  const h5::Datatype type(H5Aget_type(a.get()), "read the type of " + where);
  if (H5Tget_class(type.get()) == H5T_STRING) {
    if (H5Tis_variable_str(type.get()) > 0) {
      const h5::Datatype mem = h5::utf8_string_type();
      char* text = nullptr;
      h5::check(H5Aread(a.get(), mem.get(), &text), "read " + where);
      std::string out = text ? text : "";
      H5free_memory(text);
      return out;
    }
    const std::size_t size = H5Tget_size(type.get());
    std::string out(size, '\0');
    h5::check(H5Aread(a.get(), type.get(), out.data()), "read " + where);
    out.resize(out.find('\0') == std::string::npos ? size : out.find('\0'));
    return out;
  }
  const h5::Dataspace space(H5Aget_space(a.get()), "read the shape of " + where);
  if (H5Sget_simple_extent_npoints(space.get()) != 1) return std::nullopt;
  double v = 0;
  h5::check(H5Aread(a.get(), H5T_NATIVE_DOUBLE, &v), "read " + where);
  return format_number(v);
}

}  // namespace

bool is_hdf5_file(const std::filesystem::path& path) {
  // The HDF5 signature at offset 0 (files sentra writes have no user block).
  std::ifstream in(path, std::ios::binary);
  std::array<char, 8> head{};
  if (!in.read(head.data(), head.size())) return false;
  return std::string(head.data(), head.size()) == std::string("\x89HDF\r\n\x1a\n", 8);
}

Hdf5Reader::Hdf5Reader(const std::filesystem::path& path)
    : path_(path),
      file_((h5::silence_error_printing(), H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT)),
            "open " + path.string()) {}

std::string Hdf5Reader::where(const std::string& object) const { return path_.string() + ":/" + object; }

std::optional<std::string> Hdf5Reader::text_attribute(const std::string& name) const {
  return read_text_attribute(file_.get(), name, where("@" + name));
}

std::optional<std::string> Hdf5Reader::text_attribute(const std::string& object, const std::string& name) const {
  if (!has(object)) return std::nullopt;
  const h5::Handle<H5Oclose> o(H5Oopen(file_.get(), object.c_str(), H5P_DEFAULT), "open " + where(object));
  return read_text_attribute(o.get(), name, where(object + "/@" + name));
}

std::optional<double> Hdf5Reader::number_attribute(const std::string& name) const {
  const auto text = text_attribute(name);
  if (!text) return std::nullopt;
  try {
    std::size_t used = 0;
    const double v = std::stod(*text, &used);
    if (used != text->size()) return std::nullopt;
    return v;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

bool Hdf5Reader::has(const std::string& object) const {
  // Check each level: H5Lexists fails (rather than saying no) when a parent is missing.
  std::string prefix;
  std::size_t start = 0;
  while (start <= object.size()) {
    const std::size_t slash = object.find('/', start);
    prefix = object.substr(0, slash);
    if (H5Lexists(file_.get(), prefix.c_str(), H5P_DEFAULT) <= 0) return false;
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return true;
}

std::vector<std::string> Hdf5Reader::members(const std::string& group) const {
  const h5::Group g(H5Gopen2(file_.get(), group.c_str(), H5P_DEFAULT), "open " + where(group));
  H5G_info_t info{};
  h5::check(H5Gget_info(g.get(), &info), "list " + where(group));
  std::vector<std::string> names;
  for (hsize_t i = 0; i < info.nlinks; ++i) {
    // Creation order where the file tracks it (sentra's files do), name order otherwise.
    H5_index_t index = H5_INDEX_CRT_ORDER;
    ssize_t size = H5Lget_name_by_idx(g.get(), ".", index, H5_ITER_INC, i, nullptr, 0, H5P_DEFAULT);
    if (size < 0) {
      index = H5_INDEX_NAME;
      size = H5Lget_name_by_idx(g.get(), ".", index, H5_ITER_INC, i, nullptr, 0, H5P_DEFAULT);
    }
    if (size < 0) throw std::runtime_error("HDF5: cannot list " + where(group));
    std::string name(static_cast<std::size_t>(size) + 1, '\0');
    H5Lget_name_by_idx(g.get(), ".", index, H5_ITER_INC, i, name.data(), name.size(), H5P_DEFAULT);
    name.resize(static_cast<std::size_t>(size));
    names.push_back(name);
  }
  return names;
}

bool Hdf5Reader::is_text(const std::string& dataset) const {
  const h5::Dataset d(H5Dopen2(file_.get(), dataset.c_str(), H5P_DEFAULT), "open " + where(dataset));
  const h5::Datatype type(H5Dget_type(d.get()), "read the type of " + where(dataset));
  return H5Tget_class(type.get()) == H5T_STRING;
}

std::vector<double> Hdf5Reader::numbers(const std::string& dataset) const {
  const std::string at = where(dataset);
  const h5::Dataset d(H5Dopen2(file_.get(), dataset.c_str(), H5P_DEFAULT), "open " + at);
  std::size_t n = 1;
  for (const hsize_t dim : shape_of(d.get(), at)) n *= static_cast<std::size_t>(dim);
  std::vector<double> out(n);
  if (n > 0) h5::check(H5Dread(d.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, out.data()), "read " + at);
  return out;
}

std::vector<std::string> Hdf5Reader::texts(const std::string& dataset) const {
  const std::string at = where(dataset);
  const h5::Dataset d(H5Dopen2(file_.get(), dataset.c_str(), H5P_DEFAULT), "open " + at);
  const auto dims = shape_of(d.get(), at);
  if (dims.size() != 1) throw std::runtime_error(at + " is not a one-dimensional list of text");
  const h5::Datatype stored(H5Dget_type(d.get()), "read the type of " + at);
  if (H5Tget_class(stored.get()) != H5T_STRING || H5Tis_variable_str(stored.get()) <= 0)
    throw std::runtime_error(at + " is not variable-length text");
  std::vector<char*> raw(static_cast<std::size_t>(dims[0]), nullptr);
  const h5::Datatype mem = h5::utf8_string_type();
  std::vector<std::string> out;
  if (raw.empty()) return out;
  h5::check(H5Dread(d.get(), mem.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, raw.data()), "read " + at);
  for (char* s : raw) out.emplace_back(s ? s : "");
  const h5::Dataspace space(H5Dget_space(d.get()), "read the shape of " + at);
  H5Dvlen_reclaim(mem.get(), space.get(), H5P_DEFAULT, raw.data());
  return out;
}

Matrix Hdf5Reader::matrix(const std::string& dataset) const {
  const std::string at = where(dataset);
  Matrix m;
  {
    const h5::Dataset d(H5Dopen2(file_.get(), dataset.c_str(), H5P_DEFAULT), "open " + at);
    const auto dims = shape_of(d.get(), at);
    if (dims.size() != 2) throw std::runtime_error(at + " is not two-dimensional");
    m.rows = static_cast<std::size_t>(dims[0]);
    m.columns = static_cast<std::size_t>(dims[1]);
  }
  m.values = numbers(dataset);
  return m;
}

}  // namespace sentra::output
