#include "output/run_file_reader.hpp"

#include "output/hdf5_dataset.hpp"
#include "output/hdf5_handle.hpp"

namespace sentra::output {
namespace {

template <class T>
std::vector<T> read_column(hid_t file, const std::string& name, hid_t mem_type, const std::string& where) {
  const h5::Dataset d(H5Dopen2(file, name.c_str(), H5P_DEFAULT), "open " + where);
  const h5::Dataspace space(H5Dget_space(d.get()), "read the shape of " + where);
  if (H5Sget_simple_extent_ndims(space.get()) != 1) throw std::runtime_error(where + " is not one-dimensional");
  hsize_t n = 0;
  h5::check(H5Sget_simple_extent_dims(space.get(), &n, nullptr), "read the shape of " + where);
  std::vector<T> out(static_cast<std::size_t>(n));
  if (n > 0) h5::check(H5Dread(d.get(), mem_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, out.data()), "read " + where);
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
  out.steps = read_column<std::int64_t>(file.get(), "aggregates/step", H5T_NATIVE_INT64, where + "/aggregates/step");
  for (const auto& name : aggregates) {
    const std::string at = where + "/aggregates/" + name;
    out.series.push_back(read_column<double>(file.get(), "aggregates/" + name, H5T_NATIVE_DOUBLE, at));
    if (out.series.back().size() != out.steps.size())
      throw std::runtime_error(at + " has " + std::to_string(out.series.back().size()) + " values for " +
                               std::to_string(out.steps.size()) + " steps");
  }
  return out;
}

}  // namespace sentra::output
