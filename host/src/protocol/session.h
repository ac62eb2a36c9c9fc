// One native-messaging connection: read frame → parse → dispatch → reply, until input ends.
#pragma once

#include <filesystem>
#include <functional>
#include <string>

#include "protocol/dispatch.h"

namespace untrain {

// Serves requests from in_fd, writing replies to out_fd. Returns the process exit status
// (core/outcome.h): ok at end of input or when asked to end; frame_too_large, truncated_frame or io
// when the connection breaks.
int serve(int in_fd, int out_fd, const std::function<std::filesystem::path()>& locate_database);

// The reply for one frame; never throws. Exposed so that tests cover it without pipes.
std::string answer(const std::string& frame, const StoreAccess& store, ExportSpool* exports = nullptr);

}  // namespace untrain
