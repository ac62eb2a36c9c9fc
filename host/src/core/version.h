// untrain's own version and the protocol version it speaks (docs/protocol.md).
#pragma once

namespace untrain {

inline constexpr const char* kVersion = UNTRAIN_VERSION;  // from CMake's project(VERSION)
inline constexpr int kProtocolVersion = 1;

}  // namespace untrain
