#pragma once
// Results sent between the processes of a distributed experiment, as raw bytes: numbers go
// in their in-memory representation, never through text, so a double that arrives on rank
// 0 is the very double the run produced and a distributed sweep writes the same bits as a
// single process. Every process runs the same sentra binary on machines of one byte order
// (any cluster of x86-64 or of ARM nodes), so no conversion is needed.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace sentra::distributed {

class ByteWriter {
 public:
  template <class T>
  void put(const T& value) {
    static_assert(std::is_trivially_copyable_v<T>);
    const auto* p = reinterpret_cast<const char*>(&value);
    bytes_.append(p, sizeof(T));
  }
  void put(const std::string& s) {
    put<std::uint64_t>(s.size());
    bytes_.append(s);
  }
  template <class T>
  void put(const std::vector<T>& values) {
    static_assert(std::is_trivially_copyable_v<T>);
    put<std::uint64_t>(values.size());
    bytes_.append(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(T));
  }
  std::string take() { return std::move(bytes_); }

 private:
  std::string bytes_;
};

// Reads what a ByteWriter wrote, in the same order; running past the end (a message cut
// short or of another kind) throws rather than reading garbage.
class ByteReader {
 public:
  explicit ByteReader(std::string_view bytes) : bytes_(bytes) {}
  template <class T>
  T get() {
    static_assert(std::is_trivially_copyable_v<T>);
    T value;
    std::memcpy(&value, take(sizeof(T)), sizeof(T));
    return value;
  }
  std::string get_string() {
    const auto n = get<std::uint64_t>();
    const char* p = take(n);
    return std::string(p, n);
  }
  template <class T>
  std::vector<T> get_vector() {
    static_assert(std::is_trivially_copyable_v<T>);
    const auto n = get<std::uint64_t>();
    if (n > (bytes_.size() - at_) / sizeof(T)) throw std::runtime_error("distributed: a message is shorter than it says");
    std::vector<T> values(n);
    if (n > 0) std::memcpy(values.data(), take(n * sizeof(T)), n * sizeof(T));
    return values;
  }
  bool at_end() const { return at_ == bytes_.size(); }
  // What is left: a payload sent after a header.
  std::string_view rest() {
    const std::string_view r = bytes_.substr(at_);
    at_ = bytes_.size();
    return r;
  }

 private:
  const char* take(std::size_t n) {
    if (n > bytes_.size() - at_) throw std::runtime_error("distributed: a message is shorter than it says");
    const char* p = bytes_.data() + at_;
    at_ += n;
    return p;
  }
  std::string_view bytes_;
  std::size_t at_ = 0;
};

}  // namespace sentra::distributed
