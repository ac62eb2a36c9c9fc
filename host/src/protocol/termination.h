// Ending the host on request: SIGTERM (Firefox's way of closing a host), SIGINT or SIGHUP end the
// session between requests, never inside one, so nothing is left half-done. On Windows the same is
// done for the console's control events (Ctrl+C, Ctrl+Break, the console closing) in
// termination-win32.cc; the build picks the file.
//
// termination-unix.cc:
// How: serve() blocks those signals and records their arrival in a flag. They are unblocked only
// while the host waits for input (ppoll with a mask), so a signal that arrives during a request
// stays pending until the request is answered, and one that arrives while waiting wakes the wait.
// Either way the session loop sees the flag before reading on, and returns as at end of input.
#pragma once

#include <chrono>
#include <optional>

namespace untrain {

// Blocks the signals above and installs the flag-setting handler; ignores SIGPIPE, so that a browser
// closing the pipe mid-reply gives EPIPE rather than killing us. On Windows: installs the console
// control handler and puts stdin and stdout in binary mode (else "\n" becomes "\r\n" inside
// frames). Called once, by serve().
void install_termination_handler();

bool termination_requested();

// Waits until fd has input (or end of input). False when termination was requested first, or when
// `timeout` passed without any.
bool wait_readable(int fd, std::optional<std::chrono::milliseconds> timeout = std::nullopt);

}  // namespace untrain
