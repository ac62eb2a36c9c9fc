// The one error type of untrain: a stable code and a human message, thrown wherever a problem is
// found and turned into an error reply (protocol) or an exit status (command line) at the boundary.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace untrain {

// Codes are part of the protocol (docs/protocol.md): never rename, reuse or remove one.
enum class Code {
  bad_json,
  bad_request,
  unknown_type,
  unknown_setting,
  frame_too_large,
  frame_truncated,
  reply_too_large,
  storage_unavailable,
  internal,
  usage,
  io,
  unknown_form,
};

std::string_view code_name(Code code);

class Error : public std::runtime_error {
 public:
  Error(Code code, const std::string& message) : std::runtime_error(message), code_(code) {}
  Code code() const { return code_; }

 private:
  Code code_;
};

}  // namespace untrain
