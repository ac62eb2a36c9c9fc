// Names for the enums whose values are written as words (on the wire, in the database, in the
// docs): one table per enum, next to the enum, from which to_string and parse both read.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <type_traits>

namespace untrain {

// Specialised next to each such enum with
//   static constexpr auto names = std::to_array<std::string_view>({...});
// naming every value in declaration order (the enum's values are 0, 1, 2, …).
template <typename E>
struct EnumNames;

template <typename E>
concept NamedEnum = std::is_enum_v<E> && requires {
  EnumNames<E>::names.size();
};

template <NamedEnum E>
constexpr std::string_view to_string(E value) {
  return EnumNames<E>::names[static_cast<std::size_t>(value)];
}

// The value named `name` exactly (case matters); nullopt for any other text.
template <NamedEnum E>
constexpr std::optional<E> parse(std::string_view name) {
  for (std::size_t i = 0; i < EnumNames<E>::names.size(); ++i) {
    if (EnumNames<E>::names[i] == name) return static_cast<E>(i);
  }
  return std::nullopt;
}

// Every value, in declaration order.
template <NamedEnum E>
constexpr auto all_values() {
  std::array<E, EnumNames<E>::names.size()> values{};
  for (std::size_t i = 0; i < values.size(); ++i) values[i] = static_cast<E>(i);
  return values;
}

// True when the table names every value up to `last`, the enum's last one: put beside each table
// in a static_assert, so that a value added without a name does not compile.
template <NamedEnum E>
constexpr bool names_cover(E last) {
  return EnumNames<E>::names.size() == static_cast<std::size_t>(last) + 1;
}

}  // namespace untrain
