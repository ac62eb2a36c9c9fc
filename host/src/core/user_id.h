// Who owns a file or runs a process, as numbers: POSIX's uid_t and gid_t, unsigned 32-bit on Linux and macOS (the
// -unix.cc files that fill them check that). Windows has no such numbers (it names users by SID); there they stay 0,
// and what they decide on Linux (sudo, file owners) is done by the profile's ACLs instead.
#pragma once

#include <cstdint>

namespace untrain {

using UserId = std::uint32_t;
using GroupId = std::uint32_t;

}  // namespace untrain
