// Ending the host on request on Windows (the build picks this file there): the console's control events (Ctrl+C,
// Ctrl+Break, closing the console, logging off) set the flag that SIGTERM sets elsewhere, and the wait for input
// wakes up for it. Chrome and Firefox end a host on Windows by closing its stdin (end of input) or by
// TerminateProcess, which no handler sees; between requests nothing is half-done either way.
#include <fcntl.h>
#include <io.h>
#include <windows.h>

#include <atomic>
#include <chrono>

#include "core/error.h"
#include "protocol/termination.h"

namespace untrain {
namespace {

std::atomic<bool> requested{false};
HANDLE wake = nullptr;  // set by the handler: the wait for input ends at once

BOOL WINAPI on_control(DWORD) {
  requested = true;
  if (wake) SetEvent(wake);
  return TRUE;  // handled: the session ends between requests, as on SIGTERM
}

}  // namespace

void install_termination_handler() {
  // Frames are bytes: without this the C runtime turns "\n" into "\r\n" on stdout and stops at ^Z on stdin.
  _setmode(0, _O_BINARY);
  _setmode(1, _O_BINARY);
  wake = CreateEventW(nullptr, TRUE, FALSE, nullptr);
  SetConsoleCtrlHandler(on_control, TRUE);
}

bool termination_requested() { return requested; }

bool wait_readable(int fd, std::optional<std::chrono::milliseconds> timeout) {
  auto handle = reinterpret_cast<HANDLE>(_get_osfhandle(fd));
  // Only a pipe (how browsers start a host) can be waited on here; a file or a console is simply read.
  if (handle == INVALID_HANDLE_VALUE || GetFileType(handle) != FILE_TYPE_PIPE) return !requested;
  // Anonymous pipes cannot be waited on: look at once, then every 1, 2, 4 … 50 ms, and at once on a control event.
  DWORD pause = 1;
  auto deadline = std::chrono::steady_clock::now() + timeout.value_or(std::chrono::milliseconds{0});
  for (;;) {
    if (requested) return false;
    DWORD available = 0;
    if (!PeekNamedPipe(handle, nullptr, 0, nullptr, &available, nullptr)) return true;  // ended: read() says so
    if (available > 0) return true;
    if (timeout && std::chrono::steady_clock::now() >= deadline) return false;
    if (wake) WaitForSingleObject(wake, pause);
    else Sleep(pause);
    pause = pause < 50 ? pause * 2 : 50;
  }
}

}  // namespace untrain
