#pragma once
// Creating an HDF5 result file the way every sentra writer does: link and attribute
// creation order tracked (netCDF-4 readers then list variables in the order they were
// written) and a close that fails while anything in the file is still open.
#include <filesystem>
#include <string>

#include "output/hdf5_handle.hpp"

namespace sentra::output::h5 {

// Creates `path`, replacing a stale file of that name (a .partial left by a crashed run).
// `what` names the file in messages ("run file", "comparison file"). Throws
// std::runtime_error when the folder is missing or the file cannot be created.
File create_file(const std::filesystem::path& path, const std::string& what);

}  // namespace sentra::output::h5
