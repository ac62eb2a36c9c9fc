// The one error type of untrain: a stable code and a human message, thrown wherever a problem is
// found and turned into an error reply (protocol) or an exit status (command line) at the boundary.
//
// Two kinds of problem, kept apart in types: those the extension hears of carry a wire `Code`
// (docs/protocol.md, "Errors"); those of the process alone (a wrong command line, a failed read or
// write, a frame cut short) carry only the `Outcome` the process ends with (core/outcome.h).
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "core/enum_names.h"
#include "core/outcome.h"

namespace untrain {

// Codes are part of the protocol (docs/protocol.md lists exactly these): never rename, reuse,
// reorder or remove one; a new one goes at the end.
enum class Code {
  bad_json,
  bad_request,
  unknown_type,
  unknown_setting,
  frame_too_large,
  reply_too_large,
  storage_unavailable,
  internal,
  unknown_form,
};

template <>
struct EnumNames<Code> {
  static constexpr auto names =
      std::to_array<std::string_view>({"bad_json", "bad_request", "unknown_type", "unknown_setting", "frame_too_large",
                                       "reply_too_large", "storage_unavailable", "internal", "unknown_form"});
};
static_assert(names_cover(Code::unknown_form));

inline std::string_view code_name(Code code) { return to_string(code); }

// How the process ends when an error with this code ends it (the command line, a broken frame).
Outcome outcome_of(Code code);

class Error : public std::runtime_error {
 public:
  // A problem the extension hears of as `code`.
  Error(Code code, const std::string& message) : std::runtime_error(message), code_(code), outcome_(outcome_of(code)) {}
  // A problem of this process alone. None reaches a reply by design; one that did would be a bug,
  // so its code says `internal`.
  Error(Outcome outcome, const std::string& message)
      : std::runtime_error(message), code_(Code::internal), outcome_(outcome) {}

  Code code() const { return code_; }
  Outcome outcome() const { return outcome_; }

 private:
  Code code_;
  Outcome outcome_;
};

}  // namespace untrain
