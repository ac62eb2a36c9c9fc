// The `rules`, `nudge` and `form` requests and the status they change, spoken to the real binary
// over pipes; snoozes, dismissals and form dates must outlive the host process that recorded them.
#include <boost/process.hpp>
#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>

#include "../unit/temp_dir.h"
#include "host_process.h"

namespace bp = boost::process;
using nlohmann::json;

namespace {

std::int64_t now() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

constexpr std::int64_t kDay = 24LL * 60 * 60 * 1000;

json observe(int id, bool value, std::int64_t time) {
  return {{"id", id},
          {"type", "observe"},
          {"platform", "linkedin"},
          {"account", "jane-doe"},
          {"setting", "ai-training"},
          {"value", value},
          {"url", "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement"},
          {"time", time},
          {"source", "page-load"}};
}

json nudge(int id, const char* action, const char* verdict, std::int64_t time) {
  return {{"id", id},
          {"type", "nudge"},
          {"platform", "linkedin"},
          {"account", "jane-doe"},
          {"setting", "ai-training"},
          {"action", action},
          {"source", "banner"},
          {"verdict", verdict},
          {"time", time}};
}

json status(int id) { return {{"id", id}, {"type", "status"}, {"platform", "linkedin"}, {"account", "jane-doe"}}; }

json log_of(const std::filesystem::path& db) {
  bp::ipstream out;
  bp::child child(std::string(UNTRAIN_BINARY), bp::args({"log", "--json", "--db", db.string()}), bp::std_out > out,
                  bp::std_err > bp::null);
  std::string text(std::istreambuf_iterator<char>(out), {});
  child.wait();
  return json::parse(text);
}

}  // namespace

TEST_CASE("rules answers with the very rules file the extension ships", "[protocol]") {
  TempDir dir;
  HostProcess host(dir.path() / "no-such-folder" / "untrain.db");
  std::ifstream file(std::string(UNTRAIN_RULES_DIR) + "/linkedin.json");
  json shipped = json::parse(file);
  auto reply = host.ask({{"id", 1}, {"type", "rules"}, {"platform", "linkedin"}});
  REQUIRE(reply["ok"] == true);
  CHECK(reply["result"] == shipped);
  auto unknown = host.ask({{"id", 2}, {"type", "rules"}, {"platform", "myspace"}});
  CHECK(unknown["error"]["code"] == "bad_request");
  CHECK_FALSE(std::filesystem::exists(dir.path() / "no-such-folder"));  // rules never opens the database
}

TEST_CASE("a snooze holds in the next host process", "[protocol]") {
  TempDir dir;
  auto db = dir.path() / "untrain.db";
  std::int64_t t = now();
  {
    HostProcess host(db);
    REQUIRE(host.ask(observe(1, true, t))["ok"] == true);
    auto snooze = nudge(2, "snoozed", "on-by-default", t);
    snooze["until"] = t + kDay;
    auto reply = host.ask(snooze);
    REQUIRE(reply["ok"] == true);
    CHECK(reply["result"]["seq"] == 2);
    CHECK(reply["result"]["recorded"].get<std::int64_t>() >= t);
  }
  HostProcess again(db);  // another browser, or the same one after a restart
  auto entry = again.ask(status(3))["result"]["settings"][0];
  CHECK(entry["verdict"] == "on-by-default");
  CHECK(entry["nudge"]["snoozed_until"] == t + kDay);
  CHECK(entry["nudge"]["dismissed"] == false);

  auto log = log_of(db);
  REQUIRE(log.size() == 2);
  CHECK(log[1]["kind"] == "nudge");
  CHECK(log[1]["action"] == "snoozed");
  CHECK(log[1]["source"] == "banner");
  CHECK(log[1]["detail"] == json{{"until", t + kDay}, {"verdict", "on-by-default"}});
}

TEST_CASE("a dismissal holds until the setting changes, then the nudge is back", "[protocol]") {
  TempDir dir;
  auto db = dir.path() / "untrain.db";
  std::int64_t t = now();
  HostProcess host(db);
  REQUIRE(host.ask(observe(1, true, t))["ok"] == true);
  REQUIRE(host.ask(nudge(2, "dismissed", "on-by-default", t))["ok"] == true);
  REQUIRE(host.ask(observe(3, true, t + 1))["ok"] == true);  // checked again, unchanged
  CHECK(host.ask(status(4))["result"]["settings"][0]["nudge"]["dismissed"] == true);
  {
    HostProcess other(db);
    CHECK(other.ask(status(1))["result"]["settings"][0]["nudge"]["dismissed"] == true);
  }
  REQUIRE(host.ask(observe(5, false, t + 2))["ok"] == true);
  REQUIRE(host.ask(observe(6, true, t + 3))["ok"] == true);
  auto entry = host.ask(status(7))["result"]["settings"][0];
  CHECK(entry["verdict"] == "on");
  CHECK(entry["nudge"]["dismissed"] == false);
}

TEST_CASE("an undo from the popup lifts the snooze and dismissal in every host process after it", "[protocol]") {
  TempDir dir;
  auto db = dir.path() / "untrain.db";
  std::int64_t t = now();
  {
    HostProcess host(db);
    REQUIRE(host.ask(observe(1, true, t))["ok"] == true);
    auto snooze = nudge(2, "snoozed", "on-by-default", t);
    snooze["until"] = t + kDay;
    REQUIRE(host.ask(snooze)["ok"] == true);
    REQUIRE(host.ask(nudge(3, "dismissed", "on-by-default", t))["ok"] == true);
    auto held = host.ask(status(4))["result"]["settings"][0]["nudge"];
    REQUIRE(held["dismissed"] == true);
    REQUIRE(held["snoozed_until"] == t + kDay);
    auto undo = nudge(5, "undone", "on-by-default", t + 1);
    undo["source"] = "popup";
    undo.erase("url");
    auto reply = host.ask(undo);
    REQUIRE(reply["ok"] == true);
    CHECK(reply["result"]["seq"] == 4);
  }
  HostProcess again(db);  // another browser, or the same one after a restart
  auto entry = again.ask(status(1))["result"]["settings"][0];
  CHECK(entry["verdict"] == "on-by-default");
  CHECK(entry["nudge"]["snoozed_until"].is_null());
  CHECK(entry["nudge"]["dismissed"] == false);

  auto log = log_of(db);
  REQUIRE(log.size() == 4);
  CHECK(log[2]["action"] == "dismissed");  // the trail keeps what was undone
  CHECK(log[3]["kind"] == "nudge");
  CHECK(log[3]["action"] == "undone");
  CHECK(log[3]["source"] == "popup");
  CHECK(log[3]["detail"] == json{{"verdict", "on-by-default"}});
}

TEST_CASE("a dismissed nudge returns when the chosen stale threshold makes the last check stale", "[protocol]") {
  TempDir dir;
  HostProcess host(dir.path() / "untrain.db");
  std::int64_t t = now() - 3 * kDay;
  REQUIRE(host.ask(observe(1, true, t))["ok"] == true);
  REQUIRE(host.ask(nudge(2, "dismissed", "on-by-default", t))["ok"] == true);
  auto fresh = host.ask(status(3))["result"]["settings"][0];
  CHECK(fresh["nudge"]["dismissed"] == true);
  auto strict = status(4);
  strict["stale_after_days"] = 2;
  auto stale = host.ask(strict)["result"];
  CHECK(stale["stale_after_days"] == 2);
  CHECK(stale["settings"][0]["verdict"] == "stale");
  CHECK(stale["settings"][0]["nudge"]["dismissed"] == false);
}

TEST_CASE("a form marked sent is logged with its date and reported by status", "[protocol]") {
  TempDir dir;
  auto db = dir.path() / "untrain.db";
  HostProcess host(db);
  CHECK(host.ask(status(1))["result"]["forms"][0]["sent_on"].is_null());
  json form = {{"id", 2},
               {"type", "form"},
               {"platform", "linkedin"},
               {"account", "jane-doe"},
               {"form", "objection-form"},
               {"sent_on", "2026-11-28"},
               {"source", "callout"},
               {"time", now()}};
  REQUIRE(host.ask(form)["ok"] == true);
  auto forms = host.ask(status(3))["result"]["forms"];
  CHECK(forms[0]["form"] == "objection-form");
  CHECK(forms[0]["sent_on"] == "2026-11-28");
  auto log = log_of(db);
  REQUIRE(log.size() == 1);
  CHECK(log[0]["kind"] == "form");
  CHECK(log[0]["action"] == "sent");
  CHECK(log[0]["setting"].is_null());
  CHECK(log[0]["detail"] == json{{"form", "objection-form"}, {"sent_on", "2026-11-28"}});

  form["id"] = 4;
  form["form"] = "gdpr-request";
  auto unknown = host.ask(form);
  CHECK(unknown["error"]["code"] == "unknown_form");
  form["id"] = 5;
  form["form"] = "objection-form";
  form["sent_on"] = "2026-02-30";
  CHECK(host.ask(form)["error"]["code"] == "bad_request");
  CHECK(log_of(db).size() == 1);  // refused requests leave no trace
}

TEST_CASE("a nudge about a setting the rules do not know is unknown_setting", "[protocol]") {
  TempDir dir;
  HostProcess host(dir.path() / "untrain.db");
  auto bad = nudge(1, "shown", "on", now());
  bad["setting"] = "ai-training-v2";
  CHECK(host.ask(bad)["error"]["code"] == "unknown_setting");
  CHECK(host.ask({{"id", 2}, {"type", "hello"}})["ok"] == true);
}
