#include "output/text_file.hpp"

#include <fstream>
#include <stdexcept>
#include <system_error>

namespace sentra::output {

void write_text_file(const std::filesystem::path& path, const std::string& text) {
  const std::filesystem::path partial = path.string() + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) {
      std::error_code ignored;
      std::filesystem::remove(partial, ignored);
      throw std::runtime_error("cannot write " + partial.string());
    }
  }
  std::error_code ec;
  std::filesystem::rename(partial, path, ec);
  if (ec) {
    std::error_code ignored;
    std::filesystem::remove(partial, ignored);
    throw std::runtime_error("cannot rename " + partial.string() + " to " + path.string() + ": " + ec.message());
  }
}

}  // namespace sentra::output
