#include "output/provenance_values.hpp"

#include <chrono>
#include <ctime>

#include <hdf5.h>

#include "output/hdf5_dataset.hpp"
#include "output/hdf5_handle.hpp"

namespace sentra::output {

std::string utc_now_iso8601() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

std::string hdf5_library_version() {
  unsigned major = 0, minor = 0, release = 0;
  h5::check(H5get_libversion(&major, &minor, &release), "query the HDF5 library version");
  return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(release);
}

void write_library_versions(hid_t object, const std::vector<std::pair<std::string, std::string>>& versions,
                            const std::string& where) {
  for (const auto& [library, version] : versions)
    if (library != "hdf5") h5::write_attribute(object, library + "_version", version, where);
  h5::write_attribute(object, "hdf5_version", hdf5_library_version(), where);
}

}  // namespace sentra::output
