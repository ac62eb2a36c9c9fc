// Ending the host on request, with POSIX signals and ppoll (Linux, macOS; the build picks this file there).
#include <poll.h>
#include <signal.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <string>

#include "core/error.h"
#include "protocol/termination.h"

namespace untrain {
namespace {

volatile sig_atomic_t requested = 0;

void on_signal(int) { requested = 1; }

sigset_t ending_signals() {
  sigset_t set;
  sigemptyset(&set);
  for (int signal : {SIGTERM, SIGINT, SIGHUP}) sigaddset(&set, signal);
  return set;
}

}  // namespace

void install_termination_handler() {
  // A browser that closes the pipe mid-reply must give us EPIPE, not kill us.
  std::signal(SIGPIPE, SIG_IGN);
  sigset_t set = ending_signals();
  sigprocmask(SIG_BLOCK, &set, nullptr);
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: the wait must wake up
  for (int signal : {SIGTERM, SIGINT, SIGHUP}) sigaction(signal, &action, nullptr);
}

bool termination_requested() { return requested != 0; }

bool wait_readable(int fd, std::optional<std::chrono::milliseconds> timeout) {
  sigset_t during_wait;
  sigprocmask(SIG_BLOCK, nullptr, &during_wait);
  sigset_t ending = ending_signals();
  for (int signal : {SIGTERM, SIGINT, SIGHUP}) {
    if (sigismember(&ending, signal)) sigdelset(&during_wait, signal);
  }
  timespec limit{};
  if (timeout) {
    limit.tv_sec = static_cast<time_t>(timeout->count() / 1000);
    limit.tv_nsec = static_cast<long>(timeout->count() % 1000) * 1'000'000;
  }
  for (;;) {
    if (requested) return false;
    pollfd wanted{fd, POLLIN, 0};
    int ready = ::ppoll(&wanted, 1, timeout ? &limit : nullptr, &during_wait);
    if (ready > 0) return true;    // input, end of input (POLLHUP) or an error: read() tells which
    if (ready == 0) return false;  // a signal that interrupts restarts the whole timeout: rare, and harmless
    if (ready < 0 && errno != EINTR) {
      throw Error(Outcome::io, std::string("waiting for input: ") + std::strerror(errno));
    }
  }
}

}  // namespace untrain
