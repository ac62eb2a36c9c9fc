// The protocol of docs/protocol.md against untrain.exe (the `windows` preset) under Wine, over pipes as Chrome and
// Firefox speak it on Windows: the Linux harness (tests/protocol/host_process.h) starts `wine untrain.exe`.
#include <boost/process.hpp>
#include <catch2/catch.hpp>

#include "../protocol/host_process.h"
#include "../unit/temp_dir.h"

namespace bp = boost::process;
using nlohmann::json;

namespace {

const char* const kOrigin = "chrome-extension://cnfjdjaccjmkpgnehhaamchmmodophch/";

// untrain.exe started as Chromium starts it on Windows: the origin, then --parent-window.
HostProcess windows_host(const std::filesystem::path& database,
                         std::vector<std::string> args = {kOrigin, "--parent-window=0"}) {
  args.insert(args.begin(), UNTRAIN_WINDOWS_EXE);
  return HostProcess(database, UNTRAIN_WINE, args, {});
}

json observe(int id, bool value) {
  return {{"id", id},
          {"type", "observe"},
          {"platform", "linkedin"},
          {"account", "jane-doe"},
          {"setting", "ai-training"},
          {"value", value},
          {"url", "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement"},
          {"time", 1700000000000 + id},
          {"source", "page-load"}};
}

// `wine untrain.exe <args>` as a person would run it; returns its stdout.
std::string run_cli(const std::vector<std::string>& args, int* status = nullptr) {
  std::vector<std::string> all{UNTRAIN_WINDOWS_EXE};
  all.insert(all.end(), args.begin(), args.end());
  bp::ipstream out;
  bp::child child(std::string(UNTRAIN_WINE), bp::args(all), bp::std_out > out, bp::std_err > bp::null);
  std::string text(std::istreambuf_iterator<char>(out), {});
  child.wait();
  if (status) *status = child.exit_code();
  return text;
}

}  // namespace

TEST_CASE("hello over pipes answers with the host's name and protocol version", "[wine]") {
  TempDir dir;
  auto host = windows_host(dir.path() / "untrain.db");
  auto reply = host.ask({{"id", 1}, {"type", "hello"}});
  CHECK(reply["id"] == 1);
  CHECK(reply["ok"] == true);
  CHECK(reply["result"]["host"] == "untrain");
  CHECK(reply["result"]["protocol"] == 1);
  host.close_input();
  CHECK(host.wait_exit() == 0);
}

TEST_CASE("an observe is committed before its reply: another untrain.exe reads it while the host runs", "[wine]") {
  TempDir dir;
  auto db = dir.path() / "untrain.db";
  auto host = windows_host(db);
  auto ack = host.ask(observe(2, true));
  REQUIRE(ack["ok"] == true);
  CHECK(ack["result"]["seq"] == 1);
  auto log = json::parse(run_cli({"log", "--json", "--db", db.string()}));
  REQUIRE(log.size() == 1);
  CHECK(log[0]["setting"] == "ai-training");
  CHECK(log[0]["value"] == true);
  CHECK(log[0]["hash"].get<std::string>().size() == 64);
  int status = -1;
  CHECK(run_cli({"verify", "--db", db.string()}, &status).find("intact") != std::string::npos);
  CHECK(status == 0);
  host.close_input();
  CHECK(host.wait_exit() == 0);
}

TEST_CASE("frames are bytes: length prefixes holding \\n, \\r and ^Z arrive unchanged", "[wine]") {
  // In text mode Windows' C runtime turns "\r\n" into "\n" and stops at ^Z (0x1A) on stdin, and writes "\n" as "\r\n"
  // on stdout.
  TempDir dir;
  auto host = windows_host(dir.path() / "untrain.db");
  for (std::uint32_t length : {10u, 13u, 26u, 266u, 0x0A0Du}) {  // 0x0A0D: "\r\n" in the prefix
    std::string body = R"({"id":7,"type":"hello"})";
    body.resize(length, ' ');  // JSON allows the trailing spaces
    host.send_bytes(frame_prefix(length) + body);
    auto reply = host.receive();
    CHECK(reply["id"] == (length >= 23 ? json(7) : json(nullptr)));
  }
  // Replies of every length from the shortest hello to 64 characters more (ids are at most 64), each read back whole.
  for (std::size_t size = 0; size <= 64; ++size) {
    std::string id(size, 'x');
    REQUIRE(host.ask({{"id", id}, {"type", "hello"}})["id"] == id);
  }
  host.close_input();
  CHECK(host.wait_exit() == 0);
}

TEST_CASE("malformed JSON gets an error reply and the host keeps serving", "[wine]") {
  TempDir dir;
  auto host = windows_host(dir.path() / "untrain.db");
  host.send_bytes(frame_prefix(9) + "{not json");
  auto error = host.receive();
  CHECK(error["ok"] == false);
  CHECK(error["error"]["code"] == "bad_json");
  CHECK(host.ask({{"id", 2}, {"type", "hello"}})["ok"] == true);
  host.send_bytes(frame_prefix(0xFFFFFFFFu));  // the host must not wait for 4 GiB
  CHECK(host.receive()["error"]["code"] == "frame_too_large");
  CHECK(host.wait_exit() == 3);
}

TEST_CASE("end of input between frames is exit 0, inside a frame exit 3 with nothing stored", "[wine]") {
  TempDir dir;
  auto db = dir.path() / "untrain.db";
  {
    auto host = windows_host(db);
    REQUIRE(host.ask({{"id", 1}, {"type", "hello"}})["ok"] == true);
    host.close_input();
    CHECK_FALSE(host.receive_raw().has_value());
    CHECK(host.wait_exit() == 0);
  }
  auto host = windows_host(db);
  std::string body = observe(1, true).dump();
  host.send_bytes(frame_prefix(static_cast<std::uint32_t>(body.size())) + body.substr(0, body.size() / 2));
  host.close_input();
  CHECK(host.wait_exit() == 3);
  CHECK(json::parse(run_cli({"log", "--json", "--db", db.string()})).empty());
}

TEST_CASE("the host serves when launched as Firefox launches it on Windows", "[wine]") {
  TempDir dir;
  auto host = windows_host(dir.path() / "untrain.db",
                           {"C:\\Users\\j\\AppData\\Local\\untrain\\org.untrain.host.json", "untrain@untrain.org"});
  CHECK(host.ask({{"id", 1}, {"type", "hello"}})["result"]["host"] == "untrain");
}
