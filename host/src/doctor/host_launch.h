// Starts a host program the way a browser does (the manifest's path, the browser's arguments,
// pipes on stdin and stdout, its own folder as working directory) and says hello over native
// messaging, with a deadline; doctor judges what came back (doctor_checks.h).
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace untrain {

struct HelloOutcome {
  bool started = false;
  std::string start_error;              // why the program could not be started
  std::optional<nlohmann::json> reply;  // the reply to hello, when one whole frame of JSON came back
  std::string not_a_frame;              // what came on stdout instead (the first bytes), when it was not a frame
  std::string trailing;                 // bytes written after the reply (the first of them)
  bool timed_out = false;               // no reply, or no exit after input closed, before the deadline
  std::optional<int> exit_status;       // after stdin closed; nullopt when killed or still running
  std::optional<int> signal;            // the signal that ended it, if any
  std::string stderr_text;              // the first 4 KiB of stderr
  std::int64_t elapsed_ms = 0;
};

// Browsers' arguments: Chromium passes the caller's origin; Firefox the manifest's path and the
// add-on id.
std::vector<std::string> chromium_launch_args(const std::string& origin);
std::vector<std::string> firefox_launch_args(const std::filesystem::path& manifest, const std::string& addon_id);

// The first 80 bytes as text: printable ASCII as is, "\n" and "\xNN" for the rest.
std::string printable_bytes(const std::string& bytes);

// host_launch-unix.cc (Boost.Process) or host_launch-win32.cc (CreateProcess).
HelloOutcome say_hello(const std::filesystem::path& program, const std::vector<std::string>& args,
                       std::chrono::milliseconds timeout);

}  // namespace untrain
