// Colour only on a terminal: never in a file or a pipe, never with NO_COLOR set, never with --json.
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>

#include "run.h"

namespace {

// `untrain <args>` with its stdout on a pseudo-terminal, as in a person's terminal; returns what it printed.
std::string on_a_terminal(const Member& member, const std::vector<std::string>& args, bool no_color = false) {
  int terminal = -1;
  pid_t child = ::forkpty(&terminal, nullptr, nullptr, nullptr);
  REQUIRE(child >= 0);
  if (child == 0) {
    ::clearenv();
    ::setenv("UNTRAIN_DB", member.db().c_str(), 1);
    ::setenv("TZ", "UTC", 1);
    ::setenv("TERM", "xterm-256color", 1);
    if (no_color) ::setenv("NO_COLOR", "1", 1);
    std::vector<char*> argv = {const_cast<char*>(UNTRAIN_BINARY)};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(UNTRAIN_BINARY, argv.data());
    ::_exit(127);
  }
  std::string printed;
  char buffer[4096];
  for (;;) {
    ssize_t n = ::read(terminal, buffer, sizeof buffer);
    if (n <= 0) break;  // EIO once the child has gone
    printed.append(buffer, static_cast<std::size_t>(n));
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  ::close(terminal);
  return printed;
}

constexpr std::int64_t kNov29 = 1795946400000;

}  // namespace

TEST_CASE("status and log are coloured on a terminal", "[cli][colour]") {
  Member member;
  member.observes("ai-training", true, kNov29);
  CHECK_THAT(on_a_terminal(member, {"status"}), Catch::Contains("\x1b[31mOn (on-by-default)\x1b[0m"));
  CHECK_THAT(on_a_terminal(member, {"log"}), Catch::Contains("\x1b[31mon\x1b[0m"));
}

TEST_CASE("nothing is coloured with NO_COLOR set, with --json, or in a pipe", "[cli][colour]") {
  Member member;
  member.observes("ai-training", true, kNov29);
  CHECK(on_a_terminal(member, {"status"}, /*no_color=*/true).find('\x1b') == std::string::npos);
  CHECK(on_a_terminal(member, {"log"}, /*no_color=*/true).find('\x1b') == std::string::npos);
  CHECK(on_a_terminal(member, {"status", "--json"}).find('\x1b') == std::string::npos);
  CHECK(on_a_terminal(member, {"log", "--json"}).find('\x1b') == std::string::npos);
  CHECK(member.untrain({"status"}).out.find('\x1b') == std::string::npos);  // stdout is a file here
  CHECK(member.untrain({"log"}).out.find('\x1b') == std::string::npos);
}
