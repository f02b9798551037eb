#pragma once
// Values every sentra file records about when and with what it was written.
#include <string>

namespace sentra::output {

// The current time in UTC as ISO 8601 ("2026-11-29T10:27:12Z").
std::string utc_now_iso8601();

// The HDF5 library's version ("1.10.8").
std::string hdf5_library_version();

}  // namespace sentra::output
