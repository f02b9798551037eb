#pragma once
// Small text results (CSV tables, resolved YAML) written like the HDF5 files: to
// "<path>.partial" first and renamed into place, so a reader never sees half a file and an
// existing file is replaced only by a complete one.
#include <filesystem>
#include <string>

namespace sentra::output {

// Throws std::runtime_error naming the file when it cannot be written (the .partial is
// removed then).
void write_text_file(const std::filesystem::path& path, const std::string& text);

}  // namespace sentra::output
