// How long a write waits for another process's lock on the database before giving up with
// storage_unavailable: 10 s, or $UNTRAIN_BUSY_TIMEOUT_MS (docs/cli.md; tests use a short one). Pure.
#pragma once

#include <chrono>

#include "core/paths.h"

namespace untrain {

inline constexpr std::chrono::milliseconds kDefaultBusyTimeout{10000};

// $UNTRAIN_BUSY_TIMEOUT_MS when it is a whole number from 0 to 600000, else the default.
std::chrono::milliseconds busy_timeout(const Environment& env);

}  // namespace untrain
