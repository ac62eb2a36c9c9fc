// The account id rule: which strings may name a member's account (docs/protocol.md, "The account id").
#include "protocol/account_id.h"

#include <cstdint>
#include <optional>

namespace untrain {
namespace {

bool is_slug_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

// Upper case only, so that one account has one spelling (RFC 3986 asks producers for upper case).
std::optional<int> hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return std::nullopt;
}

// The byte of the escape "%XY" at `at`, if there is one.
std::optional<std::uint8_t> escaped_byte(std::string_view text, std::size_t at) {
  if (at + 3 > text.size() || text[at] != '%') return std::nullopt;
  auto high = hex_digit(text[at + 1]);
  auto low = hex_digit(text[at + 2]);
  if (!high || !low) return std::nullopt;
  return static_cast<std::uint8_t>(*high * 16 + *low);
}

// Reads one escaped UTF-8 character at `at`; returns the escapes' length, or 0 when they are not one well-formed
// non-ASCII character (an ASCII character must be written as itself; no overlong form, surrogate or value past
// U+10FFFF).
std::size_t escaped_character(std::string_view text, std::size_t at) {
  auto lead = escaped_byte(text, at);
  if (!lead) return 0;
  int length = 0;
  std::uint32_t code = 0;
  std::uint32_t least = 0;
  if (*lead >= 0xC2 && *lead <= 0xDF) {
    length = 2, code = *lead & 0x1Fu, least = 0x80;
  } else if (*lead >= 0xE0 && *lead <= 0xEF) {
    length = 3, code = *lead & 0x0Fu, least = 0x800;
  } else if (*lead >= 0xF0 && *lead <= 0xF4) {
    length = 4, code = *lead & 0x07u, least = 0x10000;
  } else {
    return 0;  // ASCII, a continuation byte, an overlong lead (C0, C1) or past U+10FFFF (F5 and up)
  }
  for (int i = 1; i < length; ++i) {
    auto next = escaped_byte(text, at + 3 * static_cast<std::size_t>(i));
    if (!next || (*next & 0xC0u) != 0x80u) return 0;
    code = (code << 6) | (*next & 0x3Fu);
  }
  if (code < least || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
  return 3 * static_cast<std::size_t>(length);
}

}  // namespace

bool is_account_id(std::string_view text) {
  int characters = 0;
  for (std::size_t at = 0; at < text.size(); ++characters) {
    if (characters >= kAccountMaxChars) return false;
    if (is_slug_char(text[at])) {
      ++at;
    } else if (std::size_t length = escaped_character(text, at)) {
      at += length;
    } else {
      return false;
    }
  }
  return characters >= kAccountMinChars;
}

}  // namespace untrain
