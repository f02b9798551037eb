#include "output/run_file_reader.hpp"

#include "output/hdf5_dataset.hpp"
#include "output/hdf5_handle.hpp"

namespace sentra::output {
namespace {

// One field of the compound dataset /aggregates (format 2.0), converted to `mem_type` by
// HDF5 (a compound read with a one-member memory type picks that field by name).
template <class T>
std::vector<T> read_field(hid_t dataset, const std::string& field, hid_t mem_type, const std::string& where) {
  const h5::Datatype stored(H5Dget_type(dataset), "read the type of " + where);
  if (H5Tget_class(stored.get()) != H5T_COMPOUND)
    throw std::runtime_error(where + " is not a table of series (a run file of format 1.0?)");
  if (H5Tget_member_index(stored.get(), field.c_str()) < 0)
    throw std::runtime_error(where + " has no series '" + field + "'");
  const h5::Dataspace space(H5Dget_space(dataset), "read the shape of " + where);
  if (H5Sget_simple_extent_ndims(space.get()) != 1) throw std::runtime_error(where + " is not one-dimensional");
  hsize_t n = 0;
  h5::check(H5Sget_simple_extent_dims(space.get(), &n, nullptr), "read the shape of " + where);
  const h5::Datatype one(H5Tcreate(H5T_COMPOUND, sizeof(T)), "create a memory type for " + where);
  h5::check(H5Tinsert(one.get(), field.c_str(), 0, mem_type), "create a memory type for " + where);
  std::vector<T> out(static_cast<std::size_t>(n));
  if (n > 0)
    h5::check(H5Dread(dataset, one.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, out.data()),
              "read series '" + field + "' of " + where);
  return out;
}

std::string read_text(hid_t file, const std::string& name, const std::string& where) {
  const h5::Dataset d(H5Dopen2(file, name.c_str(), H5P_DEFAULT), "open " + where);
  const h5::Datatype type = h5::utf8_string_type();
  const h5::Dataspace space(H5Dget_space(d.get()), "read the shape of " + where);
  char* text = nullptr;
  h5::check(H5Dread(d.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, &text), "read " + where);
  std::string out = text ? text : "";
  H5Dvlen_reclaim(type.get(), space.get(), H5P_DEFAULT, &text);
  return out;
}

}  // namespace

RunFileContents read_run_file(const std::filesystem::path& path, const std::vector<std::string>& aggregates) {
  h5::silence_error_printing();
  const std::string where = path.string() + ":";
  const h5::File file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), "open run file " + path.string());
  RunFileContents out;
  {
    const h5::Attribute seed(H5Aopen(file.get(), "seed", H5P_DEFAULT), "open " + where + "/@seed");
    h5::check(H5Aread(seed.get(), H5T_NATIVE_UINT64, &out.seed), "read " + where + "/@seed");
  }
  out.resolved_yaml = read_text(file.get(), "provenance/resolved_yaml", where + "/provenance/resolved_yaml");
  const std::string at = where + "/aggregates";
  const h5::Dataset table(H5Dopen2(file.get(), "aggregates", H5P_DEFAULT), "open " + at);
  out.steps = read_field<std::int64_t>(table.get(), "step", H5T_NATIVE_INT64, at);
  for (const auto& name : aggregates)
    out.series.push_back(read_field<double>(table.get(), name, H5T_NATIVE_DOUBLE, at));
  return out;
}

}  // namespace sentra::output
