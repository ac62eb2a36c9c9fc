// say_hello() on Linux and macOS: Boost.Process, poll() and waitpid statuses (the build picks this file there).
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/process.hpp>
#include <cerrno>
#include <cstring>
#include <thread>

#include "doctor/host_launch.h"
#include "protocol/frame.h"

namespace bp = boost::process;

namespace untrain {
namespace {

using Clock = std::chrono::steady_clock;

// Reads what is available on out (and drains err meanwhile, so that a chatty host cannot block on
// a full stderr pipe) until `want` bytes are in `into`, out ends, or the deadline passes.
// Returns false on the deadline.
bool read_until(int out, int err, std::string& into, std::size_t want, std::string& err_text,
                Clock::time_point deadline) {
  char buf[4096];
  bool out_open = true, err_open = err >= 0;
  while (into.size() < want && out_open) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) return false;
    pollfd fds[2] = {{out, POLLIN, 0}, {err_open ? err : -1, POLLIN, 0}};
    int n = ::poll(fds, 2, static_cast<int>(left));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) continue;
    if (fds[1].revents) {
      ssize_t got = ::read(err, buf, sizeof buf);
      if (got <= 0) err_open = false;
      else if (err_text.size() < 4096) err_text.append(buf, static_cast<std::size_t>(got));
    }
    if (fds[0].revents) {
      ssize_t got = ::read(out, buf, std::min(sizeof buf, want - into.size()));
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) out_open = false;
      else into.append(buf, static_cast<std::size_t>(got));
    }
  }
  return true;
}

// Firefox and Chromium end the host when the connection closes; a child that has not gone by then
// is stopped, as they do, and reaped.
void finish(bp::child& child, HelloOutcome& outcome, Clock::time_point deadline) {
  std::error_code ec;
  while (child.running(ec) && Clock::now() < deadline) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  if (child.running(ec)) {
    outcome.timed_out = true;
    child.terminate(ec);
    child.wait(ec);
    return;
  }
  child.wait(ec);
  int status = child.native_exit_code();
  if (WIFEXITED(status)) outcome.exit_status = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) outcome.signal = WTERMSIG(status);
}

}  // namespace

HelloOutcome say_hello(const std::filesystem::path& program, const std::vector<std::string>& args,
                       std::chrono::milliseconds timeout) {
  HelloOutcome outcome;
  auto started = Clock::now();
  auto deadline = started + timeout;
  // A host that exits before reading must not kill us with SIGPIPE when we write to it.
  struct sigaction ignore {
  }, previous{};
  ignore.sa_handler = SIG_IGN;
  ::sigaction(SIGPIPE, &ignore, &previous);

  bp::pipe in, out, err;
  bp::child child;
  try {
    child = bp::child(program.string(), bp::args(args), bp::std_in<in, bp::std_out> out, bp::std_err > err,
                      bp::start_dir(program.parent_path().string()));
    outcome.started = true;
  } catch (const std::exception& e) {
    outcome.start_error = e.what();
  }
  if (outcome.started) {
    std::string hello = R"({"id":1,"type":"hello"})";
    std::string frame = encode_frame(hello);
    bool written = ::write(in.native_sink(), frame.data(), frame.size()) == static_cast<ssize_t>(frame.size());
    std::string stdout_bytes;
    if (!written) {
      // It closed its input before reading: its exit status and stderr below say why.
    } else if (!read_until(out.native_source(), err.native_source(), stdout_bytes, 4, outcome.stderr_text, deadline)) {
      outcome.timed_out = true;
    } else if (stdout_bytes.size() == 4) {
      std::array<char, 4> prefix;
      std::memcpy(prefix.data(), stdout_bytes.data(), 4);
      std::uint32_t length = decode_length(prefix);
      if (length == 0 || length > kMaxFrame) {
        // Not a length a host sends: most likely text printed to stdout. Show what it was.
        read_until(out.native_source(), err.native_source(), stdout_bytes, 84, outcome.stderr_text,
                   std::min(deadline, Clock::now() + std::chrono::milliseconds(200)));
        outcome.not_a_frame = printable_bytes(stdout_bytes);
      } else {
        std::string body;
        if (!read_until(out.native_source(), err.native_source(), body, length, outcome.stderr_text, deadline)) {
          outcome.timed_out = true;
        } else {
          auto json = nlohmann::json::parse(body, nullptr, false);
          if (json.is_discarded()) outcome.not_a_frame = printable_bytes(stdout_bytes + body);
          else outcome.reply = std::move(json);
        }
      }
    }
    // End of input is how a browser says goodbye; what the host writes after its reply is stray.
    ::close(in.native_sink());
    in.assign_sink(-1);
    if (outcome.reply) {
      read_until(out.native_source(), err.native_source(), outcome.trailing, 80, outcome.stderr_text, deadline);
      outcome.trailing = printable_bytes(outcome.trailing);
    }
    read_until(err.native_source(), -1, outcome.stderr_text, 4096, outcome.stderr_text, deadline);
    finish(child, outcome, deadline);
  }
  ::sigaction(SIGPIPE, &previous, nullptr);
  outcome.elapsed_ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started).count();
  return outcome;
}

}  // namespace untrain
