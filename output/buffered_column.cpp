#include "output/buffered_column.hpp"

#include <stdexcept>
#include <utility>
#include <variant>

namespace sentra::output {

ColumnData empty_like(const ColumnData& like) {
  return std::visit([](const auto& v) { return ColumnData{std::decay_t<decltype(v)>{}}; },
                    like);
}

BufferedColumn::BufferedColumn(h5::ExtendibleDataset dataset, ColumnData pending,
                               std::size_t chunk_rows)
    : dataset_(std::move(dataset)), pending_(std::move(pending)), chunk_rows_(chunk_rows) {}

std::size_t BufferedColumn::pending_rows() const {
  const std::size_t values = std::visit([](const auto& v) { return v.size(); }, pending_);
  return values / dataset_.row_elements();
}

std::size_t BufferedColumn::total_rows() const { return dataset_.rows() + pending_rows(); }

void BufferedColumn::append(const ColumnData& values) {
  if (values.index() != pending_.index())
    throw std::logic_error("value type changed for " + dataset_.where());
  std::visit(
      [&](auto& buffer) {
        const auto& source = std::get<std::decay_t<decltype(buffer)>>(values);
        if (source.size() % dataset_.row_elements() != 0)
          throw std::logic_error("partial row appended to " + dataset_.where());
        buffer.insert(buffer.end(), source.begin(), source.end());
      },
      pending_);
}

void BufferedColumn::write_front(std::size_t rows) {
  if (rows == 0) return;
  std::visit(
      [&](auto& buffer) {
        const std::size_t values = rows * dataset_.row_elements();
        dataset_.append(h5::native_type(pending_), buffer.data(), rows);
        buffer.erase(buffer.begin(), buffer.begin() + static_cast<std::ptrdiff_t>(values));
      },
      pending_);
}

void BufferedColumn::flush_full_chunks() {
  write_front(pending_rows() / chunk_rows_ * chunk_rows_);
}

void BufferedColumn::flush() { write_front(pending_rows()); }

}  // namespace sentra::output
