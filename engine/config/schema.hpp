#pragma once
// Schema<T>: every scenario key declared once, bound to a field of T through an accessor
// lambda `[](T& t) -> auto& { return t.field; }`. Validation, docs and JSON Schema all come
// from these declarations.

#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "engine/config/key_builder.hpp"
#include "engine/config/key_spec.hpp"
#include "engine/config/value.hpp"

namespace sentra::config {

template <class T>
class Schema {
 public:
  // Sections are implied by dotted key paths; declaring one adds its description to the docs
  // and fixes its position in them.
  void section(const std::string& path, const std::string& description) { decl_.add_section(path, description); }

  // Binds any integer field: signed fields give an IntegerKey, unsigned ones an UnsignedKey.
  // Values that do not fit the field's type are rejected at load time.
  template <class F>
  auto integer(const std::string& path, F get) {
    using V = field_type<F>;
    static_assert(std::is_integral_v<V> && !std::is_same_v<V, bool>, "integer() needs an integer field");
    if constexpr (std::is_signed_v<V>) {
      const std::size_t i = add(path, Kind::integer, [get](T& t, const Value& v) {
        get(t) = static_cast<V>(std::get<std::int64_t>(v));
      });
      KeySpec& k = decl_.key(i);
      k.int_min = k.field_int_min = std::numeric_limits<V>::min();
      k.int_max = k.field_int_max = std::numeric_limits<V>::max();
      return IntegerKey(decl_, i);
    } else {
      const std::size_t i = add(path, Kind::unsigned_integer, [get](T& t, const Value& v) {
        get(t) = static_cast<V>(std::get<std::uint64_t>(v));
      });
      KeySpec& k = decl_.key(i);
      k.uint_max = k.field_uint_max = std::numeric_limits<V>::max();
      return UnsignedKey(decl_, i);
    }
  }

  template <class F>
  NumberKey number(const std::string& path, F get) {
    static_assert(std::is_same_v<field_type<F>, double>, "number() needs a double field");
    return NumberKey(decl_, add(path, Kind::number, [get](T& t, const Value& v) { get(t) = std::get<double>(v); }));
  }

  template <class F>
  BooleanKey boolean(const std::string& path, F get) {
    static_assert(std::is_same_v<field_type<F>, bool>, "boolean() needs a bool field");
    return BooleanKey(decl_, add(path, Kind::boolean, [get](T& t, const Value& v) { get(t) = std::get<bool>(v); }));
  }

  template <class F>
  StringKey string(const std::string& path, F get) {
    static_assert(std::is_same_v<field_type<F>, std::string>, "string() needs a std::string field");
    return StringKey(decl_,
                     add(path, Kind::string, [get](T& t, const Value& v) { get(t) = std::get<std::string>(v); }));
  }

  template <class F>
  ChoiceKey choice(const std::string& path, F get, std::vector<std::string> choices) {
    static_assert(std::is_same_v<field_type<F>, std::string>, "choice() needs a std::string field");
    const std::size_t i =
        add(path, Kind::choice, [get](T& t, const Value& v) { get(t) = std::get<std::string>(v); });
    decl_.key(i).choices = std::move(choices);
    return ChoiceKey(decl_, i);
  }

  template <class F>
  TimelineKey timeline(const std::string& path, F get) {
    static_assert(std::is_same_v<field_type<F>, std::vector<TimelineEvent>>,
                  "timeline() needs a std::vector<TimelineEvent> field");
    return TimelineKey(decl_, add(path, Kind::timeline, [get](T& t, const Value& v) {
                         get(t) = std::get<std::vector<TimelineEvent>>(v);
                       }));
  }

  const Declarations& declarations() const { return decl_; }

  // Stores a validated value (of the key's kind) into its field.
  void assign(T& target, std::size_t key, const Value& value) const { setters_.at(key)(target, value); }

 private:
  template <class F>
  struct Field {
    using R = std::invoke_result_t<F&, T&>;
    static_assert(std::is_lvalue_reference_v<R> && !std::is_const_v<std::remove_reference_t<R>>,
                  "the accessor must return a reference to the field: [](T& t) -> auto& { return t.x; }");
    using type = std::remove_cvref_t<R>;
  };
  template <class F>
  using field_type = typename Field<F>::type;

  template <class F>
  std::size_t add(const std::string& path, Kind kind, F setter) {
    const std::size_t i = decl_.add_key(path, kind);
    setters_.emplace_back(std::move(setter));
    return i;
  }

  Declarations decl_;
  std::vector<std::function<void(T&, const Value&)>> setters_;
};

}  // namespace sentra::config
