// say_hello() on Windows: CreateProcessW with three anonymous pipes, as Chrome and Firefox start a host there (the
// build picks this file on Windows). Anonymous pipes cannot be waited on with a deadline, so one thread reads the
// host's stdout and another its stderr, and this one waits on what they gathered.
#include <windows.h>

#include <condition_variable>
#include <cstring>
#include <mutex>
#include <thread>

#include "doctor/host_launch.h"
#include "protocol/frame.h"

namespace untrain {
namespace {

using Clock = std::chrono::steady_clock;

std::wstring wide(const std::string& text) {
  if (text.empty()) return {};
  int n = MultiByteToWideChar(CP_UTF8, 0, text.data(), static_cast<int>(text.size()), nullptr, 0);
  std::wstring out(static_cast<std::size_t>(n), L'\0');
  MultiByteToWideChar(CP_UTF8, 0, text.data(), static_cast<int>(text.size()), out.data(), n);
  return out;
}

// One argument quoted as CommandLineToArgvW and the C runtime read it back.
std::wstring quoted(const std::wstring& arg) {
  if (!arg.empty() && arg.find_first_of(L" \t\n\v\"") == std::wstring::npos) return arg;
  std::wstring out = L"\"";
  std::size_t backslashes = 0;
  for (wchar_t c : arg) {
    if (c == L'\\') {
      ++backslashes;
      continue;
    }
    out.append(c == L'"' ? 2 * backslashes + 1 : backslashes, L'\\');
    backslashes = 0;
    out += c;
  }
  out.append(2 * backslashes, L'\\');
  return out + L"\"";
}

std::string last_error_text() {
  DWORD code = GetLastError();
  char* text = nullptr;
  FormatMessageA(FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, nullptr,
                 code, 0, reinterpret_cast<char*>(&text), 0, nullptr);
  std::string message = text ? text : "error " + std::to_string(code);
  if (text) LocalFree(text);
  while (!message.empty() && (message.back() == '\n' || message.back() == '\r' || message.back() == ' '))
    message.pop_back();
  return message;
}

// What the reader threads gather, and whether each pipe has ended.
struct Gathered {
  std::mutex mutex;
  std::condition_variable changed;
  std::string out, err;
  bool out_ended = false, err_ended = false;
};

void drain(HANDLE pipe, Gathered& g, bool is_out) {
  char buf[4096];
  for (;;) {
    DWORD got = 0;
    bool ok = ReadFile(pipe, buf, sizeof buf, &got, nullptr) && got > 0;
    std::lock_guard lock(g.mutex);
    if (!ok) {
      (is_out ? g.out_ended : g.err_ended) = true;
      g.changed.notify_all();
      return;
    }
    std::string& into = is_out ? g.out : g.err;
    if (is_out || into.size() < 4096) into.append(buf, got);
    g.changed.notify_all();
  }
}

// Waits until stdout holds `want` bytes or has ended; false on the deadline.
bool wait_for(Gathered& g, std::size_t want, Clock::time_point deadline) {
  std::unique_lock lock(g.mutex);
  return g.changed.wait_until(lock, deadline, [&] { return g.out.size() >= want || g.out_ended; });
}

}  // namespace

HelloOutcome say_hello(const std::filesystem::path& program, const std::vector<std::string>& args,
                       std::chrono::milliseconds timeout) {
  HelloOutcome outcome;
  auto started = Clock::now();
  auto deadline = started + timeout;

  SECURITY_ATTRIBUTES inheritable{sizeof(SECURITY_ATTRIBUTES), nullptr, TRUE};
  HANDLE in_read = nullptr, in_write = nullptr, out_read = nullptr, out_write = nullptr, err_read = nullptr,
         err_write = nullptr;
  if (!CreatePipe(&in_read, &in_write, &inheritable, 0) || !CreatePipe(&out_read, &out_write, &inheritable, 0) ||
      !CreatePipe(&err_read, &err_write, &inheritable, 0)) {
    outcome.start_error = "creating pipes: " + last_error_text();
    return outcome;
  }
  // Our ends stay ours: the host inherits only its own ends.
  for (HANDLE mine : {in_write, out_read, err_read}) SetHandleInformation(mine, HANDLE_FLAG_INHERIT, 0);

  std::wstring command_line = quoted(program.wstring());
  for (const auto& arg : args) command_line += L" " + quoted(wide(arg));
  STARTUPINFOW startup{};
  startup.cb = sizeof startup;
  startup.dwFlags = STARTF_USESTDHANDLES;
  startup.hStdInput = in_read;
  startup.hStdOutput = out_write;
  startup.hStdError = err_write;
  PROCESS_INFORMATION process{};
  std::wstring folder = program.parent_path().wstring();
  if (CreateProcessW(program.wstring().c_str(), command_line.data(), nullptr, nullptr, TRUE, CREATE_NO_WINDOW, nullptr,
                     folder.empty() ? nullptr : folder.c_str(), &startup, &process)) {
    outcome.started = true;
  } else {
    outcome.start_error = last_error_text();
  }
  for (HANDLE theirs : {in_read, out_write, err_write}) CloseHandle(theirs);
  if (!outcome.started) {
    for (HANDLE mine : {in_write, out_read, err_read}) CloseHandle(mine);
    return outcome;
  }
  CloseHandle(process.hThread);

  Gathered gathered;
  std::thread out_reader(drain, out_read, std::ref(gathered), true);
  std::thread err_reader(drain, err_read, std::ref(gathered), false);

  std::string frame = encode_frame(R"({"id":1,"type":"hello"})");
  DWORD written = 0;
  bool sent =
      WriteFile(in_write, frame.data(), static_cast<DWORD>(frame.size()), &written, nullptr) && written == frame.size();
  std::size_t reply_end = 0;
  if (!sent) {
    // It closed its input before reading: its exit status and stderr below say why.
  } else if (!wait_for(gathered, 4, deadline)) {
    outcome.timed_out = true;
  } else {
    std::unique_lock lock(gathered.mutex);
    if (gathered.out.size() >= 4) {
      std::array<char, 4> prefix;
      std::memcpy(prefix.data(), gathered.out.data(), 4);
      std::uint32_t length = decode_length(prefix);
      lock.unlock();
      if (length == 0 || length > kMaxFrame) {
        // Not a length a host sends: most likely text printed to stdout. Show what it was.
        wait_for(gathered, 84, std::min(deadline, Clock::now() + std::chrono::milliseconds(200)));
        lock.lock();
        outcome.not_a_frame = printable_bytes(gathered.out.substr(0, 84));
      } else if (!wait_for(gathered, 4 + length, deadline)) {
        outcome.timed_out = true;
      } else {
        lock.lock();
        if (gathered.out.size() >= 4 + length) {
          auto json = nlohmann::json::parse(gathered.out.substr(4, length), nullptr, false);
          if (json.is_discarded()) outcome.not_a_frame = printable_bytes(gathered.out.substr(0, 4 + length));
          else outcome.reply = std::move(json);
          reply_end = 4 + length;
        }
      }
    }
  }
  // End of input is how a browser says goodbye; what the host writes after its reply is stray.
  CloseHandle(in_write);
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  if (WaitForSingleObject(process.hProcess, static_cast<DWORD>(std::max<std::int64_t>(left, 0))) == WAIT_OBJECT_0) {
    DWORD status = 0;
    GetExitCodeProcess(process.hProcess, &status);
    outcome.exit_status = static_cast<int>(status);
  } else {
    // As the browsers do with a host that outstays its connection.
    outcome.timed_out = true;
    TerminateProcess(process.hProcess, 1);
    WaitForSingleObject(process.hProcess, INFINITE);
  }
  CloseHandle(process.hProcess);
  // The host has gone, so its ends of the pipes are closed and the readers reach the end of what it wrote.
  out_reader.join();
  err_reader.join();
  CloseHandle(out_read);
  CloseHandle(err_read);
  if (outcome.reply) outcome.trailing = printable_bytes(gathered.out.substr(reply_end));
  outcome.stderr_text = gathered.err.substr(0, 4096);
  outcome.elapsed_ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started).count();
  return outcome;
}

}  // namespace untrain
