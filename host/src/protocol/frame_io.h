// Reads and writes native-messaging frames on file descriptors (the host's stdin and stdout).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace untrain {

// The next frame's body, or nullopt when input ends cleanly between frames or the host is asked to
// end (termination.h; a frame half read is then dropped, unanswered).
// Throws Error(frame_too_large) before allocating an oversized body, and
// Error(frame_truncated) when input ends inside a frame.
std::optional<std::string> read_frame(int fd);

// Writes one whole frame. Throws Error(reply_too_large) before writing anything when the body is
// over the limit, and Error(io) when the reader has gone (EPIPE).
void write_frame(int fd, std::string_view body);

}  // namespace untrain
