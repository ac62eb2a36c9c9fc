// The native-messaging frame codec: a 32-bit length in native byte order, then the UTF-8 body.
// Pure functions; reading and writing on file descriptors lives in frame_io.h.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace untrain {

// Both browsers cap host-to-browser messages at 1 MiB; we hold requests to the same limit.
inline constexpr std::size_t kMaxFrame = 1024 * 1024;

std::array<char, 4> encode_length(std::uint32_t length);
std::uint32_t decode_length(const std::array<char, 4>& prefix);

// The whole frame (prefix and body). Throws Error(reply_too_large) past kMaxFrame.
std::string encode_frame(std::string_view body);

}  // namespace untrain
