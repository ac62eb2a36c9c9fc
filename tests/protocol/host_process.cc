#include "host_process.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cstring>
#include <iterator>
#include <thread>

namespace bp = boost::process;

HostProcess::HostProcess(const std::filesystem::path& database, std::vector<std::string> args)
    : child_(std::string(UNTRAIN_BINARY), bp::args(args), bp::std_in<in_, bp::std_out> out_, bp::std_err > err_,
             bp::env["UNTRAIN_DB"] = database.string()) {
  // Our ends of this host's pipes must not leak into hosts started later: a later host holding this
  // one's stdin open would keep it from ever seeing end of input.
  for (int fd : {in_.pipe().native_sink(), out_.pipe().native_source(), err_.pipe().native_source()}) {
    ::fcntl(fd, F_SETFD, FD_CLOEXEC);
  }
}

namespace {

bp::environment with_database(const std::filesystem::path& database, const std::map<std::string, std::string>& extra) {
  bp::environment env = boost::this_process::environment();
  env["UNTRAIN_DB"] = database.string();
  for (const auto& [name, value] : extra) env[name] = value;
  return env;
}

// `program` as found on PATH (boost's search_path needs Boost.Filesystem, which we do not link).
std::string find_program(const std::string& program) {
  if (program.find('/') != std::string::npos) return program;
  std::string path = std::getenv("PATH") ? std::getenv("PATH") : "/usr/bin:/bin";
  for (std::size_t start = 0, end; start <= path.size(); start = end + 1) {
    end = path.find(':', start);
    if (end == std::string::npos) end = path.size();
    auto candidate = std::filesystem::path(path.substr(start, end - start)) / program;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate.string();
  }
  return program;
}

}  // namespace

HostProcess::HostProcess(const std::filesystem::path& database, const std::string& program,
                         std::vector<std::string> args, const std::map<std::string, std::string>& environment)
    : child_(find_program(program), bp::args(args), bp::std_in<in_, bp::std_out> out_, bp::std_err > err_,
             with_database(database, environment)) {
  for (int fd : {in_.pipe().native_sink(), out_.pipe().native_source(), err_.pipe().native_source()}) {
    ::fcntl(fd, F_SETFD, FD_CLOEXEC);
  }
}

HostProcess::~HostProcess() {
  if (child_.running()) {
    close_input();
    if (wait_exit(std::chrono::seconds(5)) < 0) child_.terminate();
  }
}

std::string frame_prefix(std::uint32_t length) {
  char bytes[4];
  std::memcpy(bytes, &length, 4);
  return std::string(bytes, 4);
}

void HostProcess::send_bytes(const std::string& bytes) {
  in_.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  in_.flush();
}

void HostProcess::send(const nlohmann::json& message) {
  std::string body = message.dump();
  send_bytes(frame_prefix(static_cast<std::uint32_t>(body.size())) + body);
}

void HostProcess::close_input() {
  in_.flush();
  in_.pipe().close();
}

std::optional<std::string> HostProcess::receive_raw() {
  char prefix[4];
  if (!out_.read(prefix, 4)) return std::nullopt;
  std::uint32_t length;
  std::memcpy(&length, prefix, 4);
  std::string body(length, '\0');
  if (!out_.read(body.data(), length)) return std::nullopt;
  return body;
}

nlohmann::json HostProcess::receive() {
  auto body = receive_raw();
  if (!body) throw std::runtime_error("the host closed its output; stderr: " + stderr_text());
  return nlohmann::json::parse(*body);
}

nlohmann::json HostProcess::ask(const nlohmann::json& message) {
  send(message);
  return receive();
}

int HostProcess::wait_exit(std::chrono::milliseconds timeout) {
  if (!child_.wait_for(timeout)) return -1;
  return child_.exit_code();
}

std::string HostProcess::stderr_text() {
  if (child_.running()) return "(still running)";
  return std::string(std::istreambuf_iterator<char>(err_), {});
}

void HostProcess::kill_hard() {
  ::kill(child_.id(), SIGKILL);
  std::error_code ignored;
  child_.wait(ignored);
}

void HostProcess::close_output() { out_.pipe().close(); }

void HostProcess::discard_input() { in_.pipe().close(); }

int HostProcess::finish() {
  close_input();
  std::error_code ignored;
  child_.wait(ignored);
  return child_.exit_code();
}
