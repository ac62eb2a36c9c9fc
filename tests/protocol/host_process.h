// Starts the real untrain binary as Chromium does (argv[1] = our extension origin, pipes on stdin
// and stdout) and exchanges raw frames with it.
#pragma once

#include <boost/process.hpp>
#include <chrono>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

class HostProcess {
 public:
  // The host's database is `database`, given through UNTRAIN_DB as the browser's environment would.
  explicit HostProcess(const std::filesystem::path& database,
                       std::vector<std::string> args = {"chrome-extension://cnfjdjaccjmkpgnehhaamchmmodophch/"});
  // Started through `program` (a wrapper such as strace or unshare that ends up running the host),
  // with `environment` added to the browser's.
  HostProcess(const std::filesystem::path& database, const std::string& program, std::vector<std::string> args,
              const std::map<std::string, std::string>& environment);
  ~HostProcess();

  void send_bytes(const std::string& bytes);
  void send(const nlohmann::json& message);
  void close_input();

  // The next frame's body, or nullopt when the host closed stdout.
  std::optional<std::string> receive_raw();
  nlohmann::json receive();
  nlohmann::json ask(const nlohmann::json& message);

  // Waits for the host to exit; returns its status (or -1 after the timeout).
  int wait_exit(std::chrono::milliseconds timeout = std::chrono::seconds(10));
  std::string stderr_text();

  // SIGKILL, as a crash or the OOM killer would: no chance to finish anything. Waits for the exit.
  void kill_hard();
  // Closes our end of the host's stdin without flushing what is still buffered: after the host died,
  // a flush would fail (and boost::process throws from the stream's destructor).
  void discard_input();
  // Closes stdin and waits for the exit without a time-out. Unlike wait_exit (boost::process's timed
  // wait intercepts SIGCHLD process-wide and spins), it is safe in several threads at once.
  int finish();
  // The browser stops reading: our end of the host's stdout is closed.
  void close_output();
  int pid() { return child_.id(); }

 private:
  boost::process::opstream in_;
  boost::process::ipstream out_;
  boost::process::ipstream err_;
  boost::process::child child_;
};

std::string frame_prefix(std::uint32_t length);
