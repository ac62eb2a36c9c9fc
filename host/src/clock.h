// The wall clock in milliseconds since the epoch (UTC), and the ISO 8601 text people read.
#pragma once

#include <cstdint>
#include <string>

namespace untrain {

std::int64_t now_ms();

// "2026-11-28T23:31:49.123Z"
std::string format_utc(std::int64_t ms);

}  // namespace untrain
