// Drives a native-messaging host (untrain or the echo host) or any command the way the benchmarks
// need, and prints one JSON line per measurement for bench/report.js.
//
// Every child is started with posix_spawn and reaped with wait4, so each run yields its wall time
// (steady clock, from just before the spawn to just after the reap) and the child's peak resident
// set (ru_maxrss). Host sessions talk over real pipes in the browser's rhythm: write one frame, read
// its reply, then the next. Repeated runs are reported raw; the report takes medians and spreads.
//
//   host_driver cold   --name N --runs R -- HOST ARGS...           start, hello + observe + status, EOF, exit
//   host_driver stream --name N --runs R --kind observe|status --count K -- HOST ARGS...
//                                                                   K requests over one connection; R connections
//   host_driver run    --name N --runs R [--stdout FILE] [--bytes FILE] -- COMMAND ARGS...
//
// stream reports requests per second (the mean over the connection) and, per run, the latency of
// each request in microseconds (median within the connection). The database is whatever UNTRAIN_DB
// names in the environment, which the children inherit.
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

extern char** environ;

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
  std::string mode;
  std::string name;
  int runs = 5;
  std::string kind = "status";
  int count = 100;
  std::optional<std::string> stdout_file;
  std::optional<std::string> bytes_file;
  std::vector<std::string> command;
};

[[noreturn]] void fail(const std::string& message) {
  std::cerr << "host_driver: " << message << '\n';
  std::exit(2);
}

Options parse(int argc, char** argv) {
  Options o;
  if (argc < 2) fail("usage: host_driver cold|stream|run --name NAME [options] -- COMMAND ARGS...");
  o.mode = argv[1];
  int i = 2;
  auto value = [&](const char* flag) -> std::string {
    if (i + 1 >= argc) fail(std::string(flag) + " needs a value");
    return argv[++i];
  };
  for (; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--") {
      o.command.assign(argv + i + 1, argv + argc);
      break;
    }
    if (arg == "--name") o.name = value("--name");
    else if (arg == "--runs") o.runs = std::stoi(value("--runs"));
    else if (arg == "--kind") o.kind = value("--kind");
    else if (arg == "--count") o.count = std::stoi(value("--count"));
    else if (arg == "--stdout") o.stdout_file = value("--stdout");
    else if (arg == "--bytes") o.bytes_file = value("--bytes");
    else fail("unknown option " + arg);
  }
  if (o.command.empty()) fail("no command after --");
  if (o.name.empty()) fail("--name is required");
  if (o.runs < 1 || o.count < 1) fail("--runs and --count must be at least 1");
  return o;
}

struct Child {
  pid_t pid = -1;
  int to_child = -1;    // the child's stdin, or -1
  int from_child = -1;  // the child's stdout, or -1
};

// Starts `command`; with `talk`, stdin and stdout are pipes to us, otherwise stdin is /dev/null
// and stdout is `stdout_file` (or /dev/null).
Child spawn(const std::vector<std::string>& command, bool talk, const std::optional<std::string>& stdout_file) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  Child child;
  int in_pipe[2] = {-1, -1};
  int out_pipe[2] = {-1, -1};
  if (talk) {
    if (pipe2(in_pipe, O_CLOEXEC) != 0 || pipe2(out_pipe, O_CLOEXEC) != 0)
      fail("pipe: " + std::string(std::strerror(errno)));
    posix_spawn_file_actions_adddup2(&actions, in_pipe[0], 0);
    posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  } else {
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, stdout_file ? stdout_file->c_str() : "/dev/null",
                                     O_WRONLY | O_CREAT | O_TRUNC, 0600);
  }
  std::vector<char*> argv;
  for (const auto& a : command) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  int rc = posix_spawn(&child.pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) fail("cannot start " + command[0] + ": " + std::strerror(rc));
  if (talk) {
    ::close(in_pipe[0]);
    ::close(out_pipe[1]);
    child.to_child = in_pipe[1];
    child.from_child = out_pipe[0];
  }
  return child;
}

// Waits for the child; returns its peak RSS in KiB. A failing child fails the benchmark: a figure
// from a run that did not do its work would be meaningless.
long reap(const Child& child, const std::string& what) {
  int status = 0;
  rusage usage{};
  if (wait4(child.pid, &status, 0, &usage) != child.pid) fail("wait4: " + std::string(std::strerror(errno)));
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    fail(what + " did not exit with status 0 (" + std::to_string(status) + ")");
  return usage.ru_maxrss;
}

void write_all(int fd, const std::string& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n <= 0) fail("writing to the host: " + std::string(std::strerror(errno)));
    done += static_cast<std::size_t>(n);
  }
}

std::string read_exactly(int fd, std::size_t size) {
  std::string out(size, '\0');
  std::size_t done = 0;
  while (done < size) {
    ssize_t n = ::read(fd, out.data() + done, size - done);
    if (n <= 0) fail("the host closed its output before replying");
    done += static_cast<std::size_t>(n);
  }
  return out;
}

std::string frame(const std::string& body) {
  auto length = static_cast<std::uint32_t>(body.size());
  std::string out(reinterpret_cast<const char*>(&length), 4);
  return out + body;
}

// One request and its reply. A reply that is not a success fails the run (the echo host's reply is
// the request itself, which has no "ok"; it is accepted as it is).
void round_trip(const Child& child, const std::string& body) {
  write_all(child.to_child, frame(body));
  std::string prefix = read_exactly(child.from_child, 4);
  std::uint32_t length = 0;
  std::memcpy(&length, prefix.data(), 4);
  std::string reply = read_exactly(child.from_child, length);
  if (reply.find("\"ok\":false") != std::string::npos) fail("the host refused a request: " + reply);
}

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string hello(int id) { return R"({"id":)" + std::to_string(id) + R"(,"type":"hello"})"; }

std::string observe(int id, bool value) {
  return R"({"id":)" + std::to_string(id) +
         R"(,"type":"observe","platform":"linkedin","account":"jane-doe","setting":"ai-training","value":)" +
         (value ? "true" : "false") +
         R"(,"url":"https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement","time":)" +
         std::to_string(now_ms()) + R"(,"source":"page-load"})";
}

std::string status(int id) {
  return R"({"id":)" + std::to_string(id) + R"(,"type":"status","platform":"linkedin","account":null})";
}

double elapsed_ms(Clock::time_point from) {
  return std::chrono::duration<double, std::milli>(Clock::now() - from).count();
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : " ") + p;
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  Options o = parse(argc, argv);
  // The exact command, with the database its children inherit.
  const char* db = std::getenv("UNTRAIN_DB");
  std::string command =
      (db ? "UNTRAIN_DB=" + std::string(db) + " " : "") + joined(std::vector<std::string>(argv, argv + argc));
  nlohmann::json result = {{"name", o.name}, {"mode", o.mode}, {"command", command}};
  std::vector<double> values;
  std::vector<double> latencies;
  std::vector<long> rss;
  for (int run = 0; run < o.runs; ++run) {
    if (o.mode == "cold") {
      auto start = Clock::now();
      Child child = spawn(o.command, true, std::nullopt);
      round_trip(child, hello(1));
      round_trip(child, observe(2, run % 2 == 0));
      round_trip(child, status(3));
      ::close(child.to_child);
      rss.push_back(reap(child, o.command[0]));
      values.push_back(elapsed_ms(start));
      ::close(child.from_child);
    } else if (o.mode == "stream") {
      Child child = spawn(o.command, true, std::nullopt);
      round_trip(child, hello(0));  // the process is up and the connection open before the clock starts
      std::vector<double> each;
      auto start = Clock::now();
      for (int i = 1; i <= o.count; ++i) {
        auto one = Clock::now();
        round_trip(child, o.kind == "observe" ? observe(i, i % 2 == 0) : status(i));
        each.push_back(elapsed_ms(one) * 1000.0);
      }
      double seconds = elapsed_ms(start) / 1000.0;
      ::close(child.to_child);
      rss.push_back(reap(child, o.command[0]));
      ::close(child.from_child);
      values.push_back(o.count / seconds);
      std::nth_element(each.begin(), each.begin() + static_cast<long>(each.size() / 2), each.end());
      latencies.push_back(each[each.size() / 2]);
    } else if (o.mode == "run") {
      auto start = Clock::now();
      Child child = spawn(o.command, false, o.stdout_file);
      rss.push_back(reap(child, o.command[0]));
      values.push_back(elapsed_ms(start));
    } else {
      fail("unknown mode " + o.mode);
    }
  }
  result["unit"] = o.mode == "stream" ? "requests/s" : "ms";
  result["values"] = values;
  result["maxrss_kb"] = rss;
  if (o.mode == "stream") {
    result["kind"] = o.kind;
    result["count"] = o.count;
    result["latency_us"] = latencies;
  }
  if (o.bytes_file) {
    struct stat st {};
    if (::stat(o.bytes_file->c_str(), &st) != 0) fail("cannot stat " + *o.bytes_file);
    result["bytes"] = static_cast<std::int64_t>(st.st_size);
  }
  std::cout << result.dump() << std::endl;
  return 0;
}
