#include "engine/config/key_builder.hpp"

#include <stdexcept>

namespace sentra::config {

IntegerKey& IntegerKey::def(std::int64_t value) {
  spec().default_value = value;
  return *this;
}

IntegerKey& IntegerKey::range(std::int64_t min, std::int64_t max) {
  KeySpec& k = spec();
  if (min > max || min < k.field_int_min || max > k.field_int_max)
    throw std::logic_error("config: " + k.path + ": range [" + std::to_string(min) + ", " + std::to_string(max) +
                           "] is empty or does not fit the bound field");
  k.int_min = min;
  k.int_max = max;
  return *this;
}

IntegerKey& IntegerKey::settable() {
  spec().settable = true;
  return *this;
}

UnsignedKey& UnsignedKey::def(std::uint64_t value) {
  spec().default_value = value;
  return *this;
}

UnsignedKey& UnsignedKey::range(std::uint64_t min, std::uint64_t max) {
  KeySpec& k = spec();
  if (min > max || max > k.field_uint_max)
    throw std::logic_error("config: " + k.path + ": range [" + std::to_string(min) + ", " + std::to_string(max) +
                           "] is empty or does not fit the bound field");
  k.uint_min = min;
  k.uint_max = max;
  return *this;
}

NumberKey& NumberKey::def(double value) {
  spec().default_value = value;
  return *this;
}

NumberKey& NumberKey::range(double min, double max) {
  KeySpec& k = spec();
  if (!(min <= max)) throw std::logic_error("config: " + k.path + ": number range is empty or NaN");
  k.num_min = min;
  k.num_max = max;
  return *this;
}

NumberKey& NumberKey::settable() {
  spec().settable = true;
  return *this;
}

BooleanKey& BooleanKey::def(bool value) {
  spec().default_value = value;
  return *this;
}

StringKey& StringKey::def(std::string value) {
  spec().default_value = std::move(value);
  return *this;
}

StringKey& StringKey::file_name() {
  spec().file_name = true;
  return *this;
}

ChoiceKey& ChoiceKey::def(std::string value) {
  spec().default_value = std::move(value);
  return *this;
}

}  // namespace sentra::config
