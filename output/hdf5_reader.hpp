#pragma once
// Reading back the result files sentra writes (comparison files, sweep tables) for tools
// such as `sentra report`: root attributes, groups of 1-D columns, 2-D series. Values are
// read as double or text whatever their stored type, since a report only shows them.
// Every failure throws std::runtime_error naming the file and the object.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "output/hdf5_handle.hpp"

namespace sentra::output {

// True when `path` is an HDF5 file (its signature), false for any other or missing file.
bool is_hdf5_file(const std::filesystem::path& path);

// A 2-D dataset [rows, columns], row-major.
struct Matrix {
  std::size_t rows = 0;
  std::size_t columns = 0;
  std::vector<double> values;
  double at(std::size_t row, std::size_t column) const { return values[row * columns + column]; }
};

class Hdf5Reader {
 public:
  explicit Hdf5Reader(const std::filesystem::path& path);

  const std::filesystem::path& path() const { return path_; }

  // A root attribute as text (numbers formatted) or as a number; nullopt when absent or
  // (for numbers) not numeric.
  std::optional<std::string> text_attribute(const std::string& name) const;
  std::optional<double> number_attribute(const std::string& name) const;
  // An attribute of an object (group or dataset) below the root.
  std::optional<std::string> text_attribute(const std::string& object, const std::string& name) const;

  bool has(const std::string& object) const;
  // Names of the links of a group, in creation order.
  std::vector<std::string> members(const std::string& group) const;
  bool is_text(const std::string& dataset) const;
  std::vector<double> numbers(const std::string& dataset) const;
  std::vector<std::string> texts(const std::string& dataset) const;
  Matrix matrix(const std::string& dataset) const;

 private:
  std::string where(const std::string& object) const;

  std::filesystem::path path_;
  h5::File file_;
};

}  // namespace sentra::output
