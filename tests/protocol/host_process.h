// Starts the real untrain binary as Chromium does (argv[1] = our extension origin, pipes on stdin
// and stdout) and exchanges raw frames with it.
#pragma once

#include <boost/process.hpp>
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

class HostProcess {
 public:
  // The host's database is `database`, given through UNTRAIN_DB as the browser's environment would.
  explicit HostProcess(const std::filesystem::path& database,
                       std::vector<std::string> args = {"chrome-extension://cnfjdjaccjmkpgnehhaamchmmodophch/"});
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

 private:
  boost::process::opstream in_;
  boost::process::ipstream out_;
  boost::process::ipstream err_;
  boost::process::child child_;
};

std::string frame_prefix(std::uint32_t length);
