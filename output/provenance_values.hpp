#pragma once
// Values every sentra file records about when and with what it was written.
#include <string>
#include <utility>
#include <vector>

#include <hdf5.h>

namespace sentra::output {

// The current time in UTC as ISO 8601 ("2026-11-29T10:27:12Z").
std::string utc_now_iso8601();

// The HDF5 library's version ("1.10.8").
std::string hdf5_library_version();

// Writes `<library>_version` for each library the program reports, and `hdf5_version` from
// the HDF5 library actually linked (what matters when a file cannot be read).
void write_library_versions(hid_t object, const std::vector<std::pair<std::string, std::string>>& versions,
                            const std::string& where);

}  // namespace sentra::output
