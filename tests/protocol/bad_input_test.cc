// Hostile bytes on the host's stdin, table-driven, against the real binary over pipes: for each, the
// error reply or exit status docs/protocol.md promises, no crash, and the database exactly as before.
#include <signal.h>

#include <catch2/catch.hpp>
#include <functional>
#include <limits>
#include <thread>

#include "../unit/temp_dir.h"
#include "host_process.h"
#include "store/store.h"

using nlohmann::json;

namespace {

constexpr int kServing = -1;  // the host answers, then keeps serving until input ends (exit 0)

struct BadInput {
  std::string name;
  std::vector<std::string> writes;   // each is one write on the host's stdin
  std::vector<std::string> replies;  // the reply codes expected, in order ("ok" for success)
  int exit = kServing;
};

std::string frame(const std::string& body) { return frame_prefix(static_cast<std::uint32_t>(body.size())) + body; }

json valid_observe() {
  return {{"id", 7},
          {"type", "observe"},
          {"platform", "linkedin"},
          {"account", "jane-doe"},
          {"setting", "ai-training"},
          {"value", false},
          {"url", "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement"},
          {"time", 1700000000000},
          {"source", "user-change"}};
}

json valid_nudge() {
  return {{"id", 8},
          {"type", "nudge"},
          {"platform", "linkedin"},
          {"account", "jane-doe"},
          {"setting", "ai-training"},
          {"action", "snoozed"},
          {"source", "banner"},
          {"verdict", "on"},
          {"until", 1800000000000},
          {"time", 1700000000000}};
}

json valid_form() {
  return {{"id", 9},
          {"type", "form"},
          {"platform", "linkedin"},
          {"account", "jane-doe"},
          {"form", "objection-form"},
          {"sent_on", "2026-11-28"},
          {"source", "popup"},
          {"time", 1700000000000}};
}

json with(json message, const std::string& field, json value) {
  message[field] = std::move(value);
  return message;
}

json without(json message, const std::string& field) {
  message.erase(field);
  return message;
}

std::string nested(std::size_t depth, const std::string& open, const std::string& inner, const std::string& close) {
  std::string text;
  text.reserve(depth * (open.size() + close.size()) + inner.size());
  for (std::size_t i = 0; i < depth; ++i) text += open;
  text += inner;
  for (std::size_t i = 0; i < depth; ++i) text += close;
  return text;
}

std::vector<BadInput> cases() {
  const std::string hello = R"({"id":1,"type":"hello"})";
  std::vector<BadInput> all = {
      {"a zero-length frame is bad_json", {frame_prefix(0)}, {"bad_json"}},
      {"three bytes of a length prefix, then end of input, is exit 3", {std::string("\x05\0\0", 3)}, {}, 3},
      {"a length prefix, then end of input, is exit 3", {frame_prefix(40)}, {}, 3},
      {"a body shorter than its prefix, then end of input, is exit 3", {frame_prefix(100) + R"({"id":1,)"}, {}, 3},
      {"a length prefix of 0xFFFFFFFF is frame_too_large and exit 3",
       {frame_prefix(0xFFFFFFFFu)},
       {"frame_too_large"},
       3},
      {"a length prefix of 1 MiB + 1 is frame_too_large and exit 3",
       {frame_prefix(1024 * 1024 + 1)},
       {"frame_too_large"},
       3},
      {"a hello padded with spaces to exactly 1 MiB is answered",
       {frame(hello + std::string(1024 * 1024 - hello.size(), ' '))},
       {"ok"}},
      {"invalid UTF-8 in a string is bad_json", {frame("{\"id\":1,\"type\":\"hel\xfflo\"}")}, {"bad_json"}},
      {"an overlong UTF-8 encoding is bad_json", {frame("{\"id\":1,\"type\":\"\xc0\xafhello\"}")}, {"bad_json"}},
      {"a UTF-8-encoded surrogate is bad_json", {frame("{\"id\":1,\"type\":\"\xed\xa0\x80\"}")}, {"bad_json"}},
      {"a lone surrogate escape is bad_json", {frame(R"({"id":1,"type":"\ud800"})")}, {"bad_json"}},
      {"a byte order mark before the object is bad_json", {frame("\xEF\xBB\xBF" + hello)}, {"bad_json"}},
      {"100,000 nested arrays are bad_request", {frame(nested(100000, "[", "", "]"))}, {"bad_request"}},
      {"100,000 nested objects inside a request are bad_request",
       {frame(R"({"id":1,"type":"hello","x":)" + nested(100000, R"({"a":)", "1", "}") + "}")},
       {"bad_request"}},
      {"nesting at the limit is answered",
       {frame(R"({"id":1,"type":"hello","x":)" + nested(15, "[", "", "]") + "}")},
       {"ok"}},
      {"a string of nearly 1 MiB is bad_request",
       {frame(with(valid_observe(), "url", "https://" + std::string(1024 * 1024 - 400, 'a')).dump())},
       {"bad_request"}},
      {"a key of 5,000 bytes is bad_request",
       {frame(R"({"id":1,"type":"hello",")" + std::string(5000, 'k') + R"(":1})")},
       {"bad_request"}},
      {"an object of 65 members is bad_request",
       {frame([] {
         json m = {{"id", 1}, {"type", "hello"}};
         for (int i = 0; i < 63; ++i) m["extra" + std::to_string(i)] = i;
         return m.dump();
       }())},
       {"bad_request"}},
      {"2,000 values in one array are bad_request",
       {frame([] {
         std::string zeros = "0";
         for (int i = 1; i < 2000; ++i) zeros += ",0";
         return R"({"id":1,"type":"hello","x":[)" + zeros + "]}";
       }())},
       {"bad_request"}},
      {"a repeated id is bad_request", {frame(R"({"id":1,"type":"hello","id":2})")}, {"bad_request"}},
      {"a repeated value in an observe is bad_request and nothing is stored",
       {frame(
           R"({"id":1,"type":"observe","platform":"linkedin","account":null,"setting":"ai-training","value":true,"value":false,)"
           R"("url":"https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement","time":1700000000000,"source":"page-load"})")},
       {"bad_request"}},
      // The trail keeps the setting's or the form's own page, never where the member browsed (issue 17).
      {"observe: a URL of the feed is bad_request",
       {frame(with(valid_observe(), "url", "https://www.linkedin.com/feed/").dump())},
       {"bad_request"}},
      {"observe: a URL of another setting's page is bad_request",
       {frame(with(valid_observe(), "url", "https://www.linkedin.com/mypreferences/d/settings/ads-by-age").dump())},
       {"bad_request"}},
      {"observe: a look-alike host is bad_request",
       {frame(with(valid_observe(), "url",
                   "https://www.linkedin.com.example/mypreferences/d/settings/data-for-ai-improvement")
                  .dump())},
       {"bad_request"}},
      {"nudge: a URL of someone's profile is bad_request",
       {frame(with(valid_nudge(), "url", "https://www.linkedin.com/in/john-roe/?miniProfileUrn=urn%3Ali%3Afs").dump())},
       {"bad_request"}},
      {"form: a URL of a message thread is bad_request",
       {frame(with(valid_form(), "url", "https://www.linkedin.com/messaging/thread/2-abc/").dump())},
       {"bad_request"}},
      {"an unknown type is unknown_type", {frame(R"({"id":1,"type":"drop-table"})")}, {"unknown_type"}},
      {"a missing id is bad_request", {frame(R"({"type":"hello"})")}, {"bad_request"}},
      {"ids that are a fraction, an object, a boolean or 65 characters are bad_request",
       {frame(R"({"id":1.5,"type":"hello"})") + frame(R"({"id":{},"type":"hello"})") +
        frame(R"({"id":true,"type":"hello"})") + frame(R"({"id":")" + std::string(65, 'i') + R"(","type":"hello"})")},
       {"bad_request", "bad_request", "bad_request", "bad_request"}},
      {"a type that is not a string is bad_request", {frame(R"({"id":1,"type":["hello"]})")}, {"bad_request"}},
      {"a missing type is bad_request", {frame(R"({"id":1})")}, {"bad_request"}},
      {"an array, a string and a number at the top are bad_json",
       {frame("[1,2]") + frame(R"("hello")") + frame("42")},
       {"bad_json", "bad_json", "bad_json"}},
      {"binary garbage is bad_json",
       {frame(std::string("\x00\x01\xfe\xff\x7f\x80\x1b[2J\x00\x00\x9c", 12))},
       {"bad_json"}},
      {"trailing bytes after the object are bad_json", {frame(hello + " x")}, {"bad_json"}},
      {"two objects in one frame are bad_json", {frame(hello + hello)}, {"bad_json"}},
      {"NaN, Infinity and comments are bad_json",
       {frame(R"({"id":1,"type":"hello","x":NaN})") + frame(R"({"id":1,"type":"hello","x":Infinity})") +
        frame(R"({/* */"id":1,"type":"hello"})")},
       {"bad_json", "bad_json", "bad_json"}},
      {"a time beyond 64 bits is bad_request; 1e400, out of range for any number, is bad_json",
       {frame(
            R"({"id":1,"type":"observe","platform":"linkedin","account":null,"setting":"ai-training","value":true,)"
            R"("url":"https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement","time":18446744073709551616,"source":"page-load"})") +
        frame(
            R"({"id":2,"type":"observe","platform":"linkedin","account":null,"setting":"ai-training","value":true,)"
            R"("url":"https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement","time":1e400,"source":"page-load"})")},
       {"bad_request", "bad_json"}},
      {"a setting the rules do not know is unknown_setting",
       {frame(with(valid_observe(), "setting", "drop-table").dump())},
       {"unknown_setting"}},
      {"a platform without rules is bad_request",
       {frame(with(valid_observe(), "platform", "facebook").dump())},
       {"bad_request"}},
      {"a form the rules do not know is unknown_form",
       {frame(with(valid_form(), "form", "other-form").dump())},
       {"unknown_form"}},
      {"an export of an unknown format is bad_request",
       {frame(R"({"id":1,"type":"export","format":"xlsx"})")},
       {"bad_request"}},
      {"a chunk of an export never started is bad_request",
       {frame(R"({"id":1,"type":"export-chunk","export":"0123456789abcdef01234567","offset":0})")},
       {"bad_request"}},
      {"a stale threshold of 0 or 3651 days is bad_request",
       {frame(R"({"id":1,"type":"status","platform":"linkedin","stale_after_days":0})") +
        frame(R"({"id":2,"type":"status","platform":"linkedin","stale_after_days":3651})")},
       {"bad_request", "bad_request"}},
      {"a status or an export asking for an account id outside the rule is bad_request",
       {frame(R"({"id":1,"type":"status","platform":"linkedin","account":"ab"})") +
        frame(R"({"id":2,"type":"export","format":"json","account":"jane\u001b[2J"})")},
       {"bad_request", "bad_request"}},
      {"a frame split across many one-byte writes is answered", {}, {"ok"}},
      {"two frames in one write are answered in order",
       {frame(hello) + frame(R"({"id":2,"type":"rules","platform":"linkedin"})")},
       {"ok", "ok"}},
      {"a broken frame between two good ones does not disturb them",
       {frame(hello) + frame("{broken") + frame(R"({"id":3,"type":"hello"})")},
       {"ok", "bad_json", "ok"}},
  };
  // One byte per write.
  for (auto& c : all) {
    if (c.name == "a frame split across many one-byte writes is answered") {
      for (char byte : frame(hello)) c.writes.emplace_back(1, byte);
    }
  }
  // Every field of every recording request, given the wrong type or left out.
  std::vector<std::pair<json, std::vector<std::pair<std::string, json>>>> wrong = {
      {valid_observe(),
       {{"platform", 1},
        {"platform", "LinkedIn"},
        {"account", 5},
        {"account", std::string(129, 'a')},
        {"account", std::string(101, 'b')},  // names differ from the 129 a's: each section needs its own
        {"account", "ab"},
        {"account", "jane\x1b[2Jdoe"},
        {"account", "jane\u202edoe"},
        {"account", "jane doe"},
        {"account", "%e6%9d%8e-abc"},
        {"account", "abc%00"},
        {"account", "abc%1B"},
        {"account", "%C0%80abc"},
        {"setting", json::array()},
        {"value", "false"},
        {"value", 0},
        {"url", 7},
        {"url", "http://www.linkedin.com/"},
        {"time", "now"},
        {"time", 1.5},
        {"time", -1},
        {"time", std::numeric_limits<std::int64_t>::max()},
        {"time", 4'102'444'800'000},  // 2100-01-01: fixed, since each section's name must be the same on every run
        {"source", "extension"},
        {"source", nullptr}}},
      {valid_nudge(),
       {{"action", "deleted"},
        {"source", 3},
        {"verdict", "maybe"},
        {"until", "tomorrow"},
        {"until", 1600000000000},
        {"url", false}}},
      {valid_form(),
       {{"sent_on", "2026-02-30"}, {"sent_on", 20261128}, {"source", "page"}, {"account", json::object()}}},
  };
  for (const auto& [valid, fields] : wrong) {
    std::string type = valid["type"];
    for (const auto& [field, value] : fields) {
      all.push_back({type + ": '" + field + "' as " + value.dump().substr(0, 24) + " is bad_request",
                     {frame(with(valid, field, value).dump())},
                     {"bad_request"}});
    }
    for (const auto& [field, value] : valid.items()) {
      if (field == "id" || field == "type" || field == "url") continue;
      all.push_back(
          {type + ": without '" + field + "' is bad_request", {frame(without(valid, field).dump())}, {"bad_request"}});
    }
  }
  return all;
}

// Everything the host keeps: every event, every state table, and the files in the folder.
std::string stored(const std::filesystem::path& db) {
  using namespace untrain;
  Store store = Store::open(db);
  json all = json::array();
  for (const auto& e : store.events()) all.push_back({e.seq, e.hash});
  for (const auto& s : store.states("linkedin")) all.push_back({s.setting, s.account, s.value, s.last_checked});
  for (const auto& n : store.nudges("linkedin")) all.push_back({n.setting, n.snoozed_until.value_or(-1)});
  for (const auto& f : store.forms("linkedin")) all.push_back({f.form, f.sent_on});
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(db.parent_path())) {
    std::string name = entry.path().filename().string();
    if (name.size() < 4 || (name.substr(name.size() - 4) != "-wal" && name.substr(name.size() - 4) != "-shm")) {
      files.push_back(name);
    }
  }
  std::sort(files.begin(), files.end());
  all.push_back(files);
  return all.dump();
}

// A database holding one of each kind of event, so that "unchanged" has something to change.
void seed(const std::filesystem::path& db) {
  HostProcess host(db);
  REQUIRE(host.ask(with(valid_observe(), "value", true))["ok"] == true);
  REQUIRE(host.ask(valid_nudge())["ok"] == true);
  REQUIRE(host.ask(valid_form())["ok"] == true);
  REQUIRE(host.finish() == 0);
}

}  // namespace

TEST_CASE("hostile input: each case gets its error or exit, no crash, and the database unchanged",
          "[protocol][hostile]") {
  auto table = cases();
  REQUIRE(table.size() >= 30);
  TempDir dir;
  auto db = dir.path() / "untrain.db";
  seed(db);
  const std::string before = stored(db);

  for (const auto& c : table) {
    SECTION(c.name) {
      HostProcess host(db);
      for (const auto& bytes : c.writes) host.send_bytes(bytes);
      for (const auto& expected : c.replies) {
        auto raw = host.receive_raw();
        REQUIRE(raw.has_value());
        json reply = json::parse(*raw);
        if (expected == "ok") {
          CHECK(reply["ok"] == true);
        } else {
          CHECK(reply["ok"] == false);
          CHECK(reply["error"]["code"] == expected);
          CHECK(reply["error"]["message"].get<std::string>().size() > 0);
        }
      }
      if (c.exit == kServing) {
        // Still serving, and still the same host.
        CHECK(host.ask({{"id", 99}, {"type", "hello"}})["ok"] == true);
        CHECK(host.finish() == 0);
      } else {
        host.close_input();
        CHECK_FALSE(host.receive_raw().has_value());  // nothing more on stdout
        CHECK(host.finish() == c.exit);
      }
      CHECK(stored(db) == before);
    }
  }
}

TEST_CASE("a host started for another extension refuses at once with exit 5 and touches nothing",
          "[protocol][hostile]") {
  TempDir dir;
  auto db = dir.path() / "untrain.db";
  for (auto args : std::vector<std::vector<std::string>>{
           {"chrome-extension://abcdefghijklmnopabcdefghijklmnop/"},
           {"/home/j/.mozilla/native-messaging-hosts/org.untrain.host.json", "evil@example.org"},
           {"chrome-extension://"}}) {
    HostProcess host(db, args);
    CHECK(host.finish() == 5);
    CHECK_FALSE(host.receive_raw().has_value());
    CHECK_THAT(host.stderr_text(), Catch::Contains("only the untrain extension"));
  }
  CHECK_FALSE(std::filesystem::exists(db));
}

TEST_CASE("a browser that stops reading mid-session gets no crash: exit 3 (io), and what was acknowledged is whole",
          "[protocol][hostile]") {
  TempDir dir;
  auto db = dir.path() / "untrain.db";
  HostProcess host(db);
  REQUIRE(host.ask(valid_observe())["ok"] == true);
  host.close_output();
  // The reply to this cannot be delivered: the host gets EPIPE (SIGPIPE is ignored), not a signal.
  host.send(with(with(valid_observe(), "id", 8), "value", true));
  CHECK(host.finish() == 3);  // io
  CHECK_THAT(host.stderr_text(), Catch::Contains("writing a frame"));
  // The observe was committed before its reply was written, so it is whole: two events, a sound chain.
  untrain::Store store = untrain::Store::open(db);
  CHECK(store.events().size() == 2);
  CHECK(store.head().seq == 2);
}

TEST_CASE("SIGTERM ends an idle host cleanly with exit 0", "[protocol][hostile]") {
  TempDir dir;
  HostProcess host(dir.path() / "untrain.db");
  REQUIRE(host.ask({{"id", 1}, {"type", "hello"}})["ok"] == true);
  ::kill(host.pid(), SIGTERM);
  CHECK(host.wait_exit(std::chrono::seconds(5)) == 0);
}

TEST_CASE("SIGTERM in the middle of a frame drops it unanswered, stores nothing and removes unfinished exports",
          "[protocol][hostile]") {
  TempDir dir;
  auto db = dir.path() / "untrain.db";
  HostProcess host(db);
  // Enough events that the export is longer than one chunk, so it stays unfinished on disk (the host keeps the
  // setting's page without its query, so an event is some 500 bytes of the export).
  std::string url = "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement";
  constexpr int kObserves = 1500;
  for (int i = 0; i < kObserves; ++i) {
    REQUIRE(host.ask(with(with(valid_observe(), "url", url), "time", 1700000000000 + i))["ok"] == true);
  }
  auto started = host.ask({{"id", 2}, {"type", "export"}, {"format", "json"}});
  REQUIRE(started["ok"] == true);
  REQUIRE(started["result"]["done"] == false);
  auto exports = [&] {
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
      if (entry.path().filename().string().rfind("untrain-export-", 0) == 0) ++files;
    }
    return files;
  };
  CHECK(exports() == 1);

  std::string body = with(valid_observe(), "id", 3).dump();
  host.send_bytes(frame_prefix(static_cast<std::uint32_t>(body.size())) + body.substr(0, 20));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  ::kill(host.pid(), SIGTERM);
  CHECK(host.wait_exit(std::chrono::seconds(5)) == 0);

  CHECK(exports() == 0);  // the export's temporary file is gone
  untrain::Store store = untrain::Store::open(db);
  CHECK(store.events().size() == kObserves + 1);  // the observations and the export; not the dropped frame
}
