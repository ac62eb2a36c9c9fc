// The limits every request frame is held to before it is parsed into a document (docs/protocol.md,
// "Limits"): nesting depth, string length, members per object, values in all, duplicate keys, and
// the JSON syntax and UTF-8 itself.
//
// How: nlohmann's SAX parser walks the bytes once with an explicit stack (no recursion), and the
// handler below counts as it goes, stopping at the first limit passed. Only a frame that passes is
// then parsed into a DOM, so a hostile frame never gets a deep or huge tree built for it. Pure.
#pragma once

#include <cstddef>
#include <string_view>

namespace untrain {

inline constexpr std::size_t kMaxDepth = 16;     // nested objects and arrays; the request itself is 1
inline constexpr std::size_t kMaxString = 4096;  // bytes in any one string or key
inline constexpr std::size_t kMaxMembers = 64;   // members of any one object
inline constexpr std::size_t kMaxValues = 1024;  // values in the whole frame, containers included

// Throws Error(bad_json) when the frame is not one JSON value in UTF-8 without a byte order mark,
// and Error(bad_request) naming the limit when it passes one, or repeats a key in an object.
void check_request_limits(std::string_view frame);

}  // namespace untrain
