#include "output/table_group.hpp"

#include <cstdint>
#include <set>
#include <stdexcept>
#include <variant>

#include "output/hdf5_dataset.hpp"

namespace sentra::output {

void write_table_group(hid_t parent, const std::string& name, const std::string& where,
                       const std::string& dimension, const std::string& dimension_description,
                       const std::vector<TextColumn>& text, const Table& table) {
  std::size_t rows = table.columns.empty() ? 0 : table.columns.front().size();
  if (table.columns.empty() && !text.empty()) rows = text.front().values.size();
  std::set<std::string> names{dimension};
  const auto check = [&](const std::string& column, std::size_t size) {
    if (column.empty() || column.find('/') != std::string::npos)
      throw std::logic_error(where + ": invalid column name '" + column + "'");
    if (!names.insert(column).second) throw std::logic_error(where + ": column '" + column + "' given twice");
    if (size != rows)
      throw std::logic_error(where + ": column '" + column + "' has " + std::to_string(size) + " rows, expected " +
                             std::to_string(rows));
  };
  for (const auto& c : text) check(c.name, c.values.size());
  for (const auto& c : table.columns) check(c.name, c.size());

  const h5::Group group = h5::create_group(parent, name, where);
  std::vector<std::int64_t> index(rows);
  for (std::size_t i = 0; i < rows; ++i) index[i] = static_cast<std::int64_t>(i);
  const std::string at = where + "/" + dimension;
  const h5::Dataset scale = h5::write_fixed(group.get(), dimension, H5T_NATIVE_INT64, index.data(), rows, at);
  h5::make_scale(scale.get(), dimension, at);
  h5::write_attribute(scale.get(), "units", std::string("1"), at);
  h5::write_attribute(scale.get(), "description", dimension_description, at);

  for (const auto& c : text) {
    const std::string path = where + "/" + c.name;
    const h5::Dataset d = h5::write_strings(group.get(), c.name, c.values, path);
    h5::write_attribute(d.get(), "units", std::string(""), path);
    h5::write_attribute(d.get(), "description", c.description, path);
    h5::attach_scale(d.get(), scale.get(), 0, path);
  }
  for (const auto& c : table.columns) {
    const std::string path = where + "/" + c.name;
    const void* data = std::visit([](const auto& v) -> const void* { return v.data(); }, c.data);
    const h5::Dataset d = h5::write_fixed(group.get(), c.name, h5::native_type(c.data), data, rows, path);
    h5::write_attribute(d.get(), "units", c.unit, path);
    h5::write_attribute(d.get(), "description", c.description, path);
    h5::attach_scale(d.get(), scale.get(), 0, path);
  }
}

}  // namespace sentra::output
