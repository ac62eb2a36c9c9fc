// JSON text written directly into a string, byte for byte as nlohmann::json writes it with
// dump(-1, ' ', /*ensure_ascii=*/false, error_handler_t::strict), which the canonical encoding and the exports were
// first defined by (docs/audit-trail.md), without building a json value first. Pure.
//
// Strings: `"` and `\` are escaped with a backslash; \b \f \n \r \t get their short escapes; every other byte below
// 0x20 is \u00xx (lowercase hex); everything else, DEL and non-ASCII included, is copied as it is. Text that is not
// well-formed UTF-8 (Unicode's table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF, no sequence cut
// short) has no JSON form: the writer throws NotUtf8, where nlohmann's strict dump throws its type_error 316.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace untrain::json_text {

class NotUtf8 : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The length of the well-formed UTF-8 sequence that starts `text` at `at` (1 to 4), or 0 when none does.
std::size_t utf8_sequence(std::string_view text, std::size_t at);

void append_string(std::string& out, std::string_view text);
void append_integer(std::string& out, std::int64_t value);

}  // namespace untrain::json_text
