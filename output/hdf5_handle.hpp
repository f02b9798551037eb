#pragma once
// RAII ownership of HDF5 identifiers (hid_t) and the one place where HDF5 failures become
// exceptions. Every identifier the writer opens is owned by a Handle, so an exception
// thrown half-way through a write still closes everything and leaves no leaked ids that
// would keep the file open.
#include <hdf5.h>

#include <stdexcept>
#include <string>
#include <utility>

namespace sentra::output::h5 {

// Stops HDF5 from printing its error stack to stderr: every failure is reported by us as
// an exception that says which file and dataset failed. Process-wide and idempotent.
inline void silence_error_printing() { H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr); }

// `what` names the operation and the object, e.g. "write 'x.h5.partial:/aggregates/gdp'".
inline herr_t check(herr_t status, const std::string& what) {
  if (status < 0) throw std::runtime_error("HDF5: cannot " + what);
  return status;
}
inline hid_t check_id(hid_t id, const std::string& what) {
  if (id < 0) throw std::runtime_error("HDF5: cannot " + what);
  return id;
}

// Move-only owner of one identifier; Close is the matching H5?close function.
template <herr_t (*Close)(hid_t)>
class Handle {
 public:
  Handle() = default;
  // Takes ownership of a valid id; throws (without owning anything) if `id` is an error.
  Handle(hid_t id, const std::string& what) : id_(check_id(id, what)) {}
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  Handle(Handle&& other) noexcept : id_(std::exchange(other.id_, H5I_INVALID_HID)) {}
  Handle& operator=(Handle&& other) noexcept {
    if (this != &other) {
      reset();
      id_ = std::exchange(other.id_, H5I_INVALID_HID);
    }
    return *this;
  }
  ~Handle() { reset(); }

  hid_t get() const { return id_; }
  explicit operator bool() const { return id_ >= 0; }

  // Closes now. Errors are ignored here (destructors must not throw); callers that must
  // know whether closing succeeded (the file at commit) use close() instead.
  void reset() noexcept {
    if (id_ >= 0) Close(id_);
    id_ = H5I_INVALID_HID;
  }
  void close(const std::string& what) {
    if (id_ < 0) return;
    const hid_t id = std::exchange(id_, H5I_INVALID_HID);
    check(Close(id), what);
  }

 private:
  hid_t id_ = H5I_INVALID_HID;
};

using File = Handle<H5Fclose>;
using Group = Handle<H5Gclose>;
using Dataset = Handle<H5Dclose>;
using Dataspace = Handle<H5Sclose>;
using Datatype = Handle<H5Tclose>;
using PropList = Handle<H5Pclose>;
using Attribute = Handle<H5Aclose>;

}  // namespace sentra::output::h5
