// The protocol of docs/protocol.md, spoken to the real binary over pipes as a browser does.
#include <boost/process.hpp>
#include <catch2/catch.hpp>

#include "../unit/temp_dir.h"
#include "host_process.h"

namespace bp = boost::process;
using nlohmann::json;

namespace {

json observe(int id, bool value, const char* source = "page-load") {
  return {{"id", id},
          {"type", "observe"},
          {"platform", "linkedin"},
          {"account", "jane-doe"},
          {"setting", "ai-training"},
          {"value", value},
          {"url", "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement"},
          {"time", 1700000000000 + id},  // 2023: long enough ago to be stale
          {"source", source}};
}

// Runs `untrain <args>` as a person would and returns its stdout.
std::string run_cli(const std::vector<std::string>& args, int* status = nullptr) {
  bp::ipstream out;
  bp::child child(std::string(UNTRAIN_BINARY), bp::args(args), bp::std_out > out, bp::std_err > bp::null);
  std::string text(std::istreambuf_iterator<char>(out), {});
  child.wait();
  if (status) *status = child.exit_code();
  return text;
}

}  // namespace

TEST_CASE("hello over pipes answers with the host's name and protocol version", "[protocol]") {
  TempDir dir;
  HostProcess host(dir.path() / "untrain.db");
  auto reply = host.ask({{"id", 1}, {"type", "hello"}});
  CHECK(reply["id"] == 1);
  CHECK(reply["ok"] == true);
  CHECK(reply["result"]["host"] == "untrain");
  CHECK(reply["result"]["protocol"] == 1);
}

TEST_CASE("an observe is committed before its reply, and status reflects it", "[protocol]") {
  TempDir dir;
  auto db = dir.path() / "untrain.db";
  HostProcess host(db);
  auto ack = host.ask(observe(2, true));
  REQUIRE(ack["ok"] == true);
  CHECK(ack["result"]["seq"] == 1);

  // Read by another process while the host is still running: the commit happened.
  auto log = json::parse(run_cli({"log", "--json", "--db", db.string()}));
  REQUIRE(log.size() == 1);
  CHECK(log[0]["setting"] == "ai-training");
  CHECK(log[0]["value"] == true);
  CHECK(log[0]["account"] == "jane-doe");
  CHECK(log[0]["source"] == "page-load");
  CHECK(log[0]["kind"] == "observation");
  CHECK(log[0]["action"] == "first-seen");
  CHECK(log[0]["hash"].get<std::string>().size() == 64);

  auto status = host.ask({{"id", 3}, {"type", "status"}, {"platform", "linkedin"}, {"account", nullptr}});
  CHECK(status["result"]["settings"][0]["verdict"] == "stale");  // observed at a fixed time in the past
  host.close_input();
  CHECK(host.wait_exit() == 0);
}

TEST_CASE("a fresh observation of On makes status say on-by-default, then off after a user change", "[protocol]") {
  TempDir dir;
  HostProcess host(dir.path() / "untrain.db");
  auto now = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
                 .count();
  auto on = observe(1, true);
  on["time"] = now;
  REQUIRE(host.ask(on)["ok"] == true);
  auto status = host.ask({{"id", 2}, {"type", "status"}, {"platform", "linkedin"}});
  CHECK(status["result"]["settings"][0]["verdict"] == "on-by-default");
  auto off = observe(3, false, "user-change");
  off["time"] = now + 1;
  REQUIRE(host.ask(off)["ok"] == true);
  status = host.ask({{"id", 4}, {"type", "status"}, {"platform", "linkedin"}});
  CHECK(status["result"]["settings"][0]["verdict"] == "off");
}

TEST_CASE("malformed JSON gets an error reply and the host keeps serving", "[protocol]") {
  TempDir dir;
  HostProcess host(dir.path() / "untrain.db");
  host.send_bytes(frame_prefix(9) + "{not json");
  auto error = host.receive();
  CHECK(error["ok"] == false);
  CHECK(error["id"].is_null());
  CHECK(error["error"]["code"] == "bad_json");
  CHECK(host.ask({{"id", 2}, {"type", "hello"}})["ok"] == true);
}

TEST_CASE("a request with wrong field types gets bad_request and the host keeps serving", "[protocol]") {
  TempDir dir;
  HostProcess host(dir.path() / "untrain.db");
  auto bad = observe(5, true);
  bad["value"] = "yes";
  auto error = host.ask(bad);
  CHECK(error["id"] == 5);
  CHECK(error["error"]["code"] == "bad_request");
  CHECK(host.ask({{"id", 6}, {"type", "hello"}})["ok"] == true);
}

TEST_CASE("a length prefix over 1 MiB gets frame_too_large and a clean exit 3", "[protocol]") {
  TempDir dir;
  HostProcess host(dir.path() / "untrain.db");
  host.send_bytes(frame_prefix(0xFFFFFFFFu));  // the host must not wait for 4 GiB
  auto error = host.receive();
  CHECK(error["error"]["code"] == "frame_too_large");
  CHECK(host.wait_exit() == 3);
}

TEST_CASE("end of input between frames is exit 0", "[protocol]") {
  TempDir dir;
  HostProcess host(dir.path() / "untrain.db");
  REQUIRE(host.ask({{"id", 1}, {"type", "hello"}})["ok"] == true);
  host.close_input();
  CHECK_FALSE(host.receive_raw().has_value());  // nothing else on stdout
  CHECK(host.wait_exit() == 0);
}

TEST_CASE("end of input inside a frame is exit 3 with nothing stored", "[protocol]") {
  TempDir dir;
  auto db = dir.path() / "untrain.db";
  HostProcess host(db);
  std::string body = observe(1, true).dump();
  host.send_bytes(frame_prefix(static_cast<std::uint32_t>(body.size())) + body.substr(0, body.size() / 2));
  host.close_input();
  CHECK(host.wait_exit() == 3);
  CHECK(json::parse(run_cli({"log", "--json", "--db", db.string()})).empty());
}

TEST_CASE("the host also serves when launched as Firefox launches it", "[protocol]") {
  TempDir dir;
  HostProcess host(dir.path() / "untrain.db",
                   {"/home/j/.mozilla/native-messaging-hosts/org.untrain.host.json", "untrain@untrain.org"});
  CHECK(host.ask({{"id", 1}, {"type", "hello"}})["result"]["host"] == "untrain");
}

TEST_CASE("without a browser's arguments untrain is a command-line tool", "[protocol]") {
  int status = -1;
  auto help = run_cli({"--help"}, &status);
  CHECK(status == 0);
  CHECK_THAT(help, Catch::Contains("status"));
  CHECK_THAT(help, Catch::Contains("install"));
  run_cli({"no-such-command"}, &status);
  CHECK(status != 0);
}
