#include "protocol/frame.h"

#include <cstring>

#include "core/error.h"

namespace untrain {

std::array<char, 4> encode_length(std::uint32_t length) {
  std::array<char, 4> prefix;
  std::memcpy(prefix.data(), &length, 4);  // native byte order, as the browsers expect
  return prefix;
}

std::uint32_t decode_length(const std::array<char, 4>& prefix) {
  std::uint32_t length;
  std::memcpy(&length, prefix.data(), 4);
  return length;
}

std::string encode_frame(std::string_view body) {
  if (body.size() > kMaxFrame) {
    throw Error(Code::reply_too_large,
                "reply of " + std::to_string(body.size()) + " bytes exceeds the 1 MiB native-messaging limit");
  }
  std::string frame;
  frame.reserve(4 + body.size());
  auto prefix = encode_length(static_cast<std::uint32_t>(body.size()));
  frame.append(prefix.data(), prefix.size());
  frame.append(body);
  return frame;
}

}  // namespace untrain
