#pragma once
// The chainable handles returned by Schema<T>::integer(), number()...: each one only offers
// the calls that make sense for its kind, so `.range(0.0, 1.0)` on an integer key or
// `.def("x")` on a number key does not compile.

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "engine/config/key_spec.hpp"

namespace sentra::config {

template <class Self>
class KeyBuilder {
 public:
  KeyBuilder(Declarations& declarations, std::size_t index) : decl_(&declarations), index_(index) {}

  Self& describe(std::string text) {
    spec().description = std::move(text);
    return self();
  }
  Self& unit(std::string text) {
    spec().unit = std::move(text);
    return self();
  }

 protected:
  KeySpec& spec() const { return decl_->key(index_); }
  Self& self() { return static_cast<Self&>(*this); }

 private:
  Declarations* decl_;
  std::size_t index_;
};

// Every scalar key either has a default or must be given.
template <class Self>
class ScalarKeyBuilder : public KeyBuilder<Self> {
 public:
  using KeyBuilder<Self>::KeyBuilder;
  Self& required() {
    this->spec().required = true;
    return this->self();
  }
};

class IntegerKey : public ScalarKeyBuilder<IntegerKey> {
 public:
  using ScalarKeyBuilder::ScalarKeyBuilder;
  IntegerKey& def(std::int64_t value);
  IntegerKey& range(std::int64_t min, std::int64_t max);  // inclusive; within the field's type
  IntegerKey& settable();
};

// For unsigned fields such as seeds, which may use all 64 bits.
class UnsignedKey : public ScalarKeyBuilder<UnsignedKey> {
 public:
  using ScalarKeyBuilder::ScalarKeyBuilder;
  UnsignedKey& def(std::uint64_t value);
  UnsignedKey& range(std::uint64_t min, std::uint64_t max);
};

class NumberKey : public ScalarKeyBuilder<NumberKey> {
 public:
  using ScalarKeyBuilder::ScalarKeyBuilder;
  NumberKey& def(double value);
  NumberKey& range(double min, double max);  // inclusive
  NumberKey& settable();
};

class BooleanKey : public ScalarKeyBuilder<BooleanKey> {
 public:
  using ScalarKeyBuilder::ScalarKeyBuilder;
  BooleanKey& def(bool value);
};

class StringKey : public ScalarKeyBuilder<StringKey> {
 public:
  using ScalarKeyBuilder::ScalarKeyBuilder;
  StringKey& def(std::string value);
  StringKey& file_name();  // the value must be a file name (is_file_name): it names output files
};

class ChoiceKey : public ScalarKeyBuilder<ChoiceKey> {
 public:
  using ScalarKeyBuilder::ScalarKeyBuilder;
  ChoiceKey& def(std::string value);
};

// Defaults to no events.
class TimelineKey : public KeyBuilder<TimelineKey> {
 public:
  using KeyBuilder::KeyBuilder;
};

}  // namespace sentra::config
