// A member's own report ("I checked it myself: it is Off") spoken to the real binary over pipes: stored
// under its own source, shown by status as not verified, superseded by untrain's next reading, and
// said to be the member's word by `untrain status`.
#include <boost/process.hpp>
#include <catch2/catch.hpp>
#include <chrono>

#include "../unit/temp_dir.h"
#include "host_process.h"

namespace bp = boost::process;
using nlohmann::json;

namespace {

std::int64_t now() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

json observe(int id, bool value, std::int64_t time, const char* source) {
  return {{"id", id},
          {"type", "observe"},
          {"platform", "linkedin"},
          {"account", "jane-doe"},
          {"setting", "ai-training"},
          {"value", value},
          {"url", "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement"},
          {"time", time},
          {"source", source}};
}

json ai_training(HostProcess& host, int id) {
  auto reply = host.ask({{"id", id}, {"type", "status"}, {"platform", "linkedin"}, {"account", "jane-doe"}});
  REQUIRE(reply["ok"] == true);
  return reply["result"]["settings"][0];
}

std::string untrain(const std::vector<std::string>& args) {
  bp::ipstream out;
  bp::child child(std::string(UNTRAIN_BINARY), bp::args(args), bp::std_out > out, bp::std_err > bp::null);
  std::string text(std::istreambuf_iterator<char>(out), {});
  child.wait();
  return text;
}

std::string rules_version(HostProcess& host) {
  return host.ask({{"id", 99}, {"type", "hello"}})["result"]["rules"]["linkedin"].get<std::string>();
}

}  // namespace

TEST_CASE("a member's report is stored under its own source and status says untrain did not read it",
          "[protocol][reported]") {
  TempDir dir;
  auto db = dir.path() / "untrain.db";
  HostProcess host(db);
  std::string rules = rules_version(host);
  std::int64_t t = now();
  REQUIRE(host.ask(observe(1, true, t - 2000, "page-load"))["ok"] == true);
  auto ack = host.ask(observe(2, false, t - 1000, "member-reported"));
  REQUIRE(ack["ok"] == true);
  CHECK(ack["result"]["action"] == "change");

  auto log = json::parse(untrain({"log", "--json", "--db", db.string()}));
  REQUIRE(log.size() == 2);
  CHECK(log[1]["kind"] == "observation");
  CHECK(log[1]["source"] == "member-reported");
  CHECK(log[1]["value"] == false);
  CHECK(log[1]["rules_version"] == rules);

  auto entry = ai_training(host, 3);
  CHECK(entry["value"] == false);
  CHECK(entry["verdict"] == "off-reported");
  CHECK(entry["source"] == "member-reported");
  CHECK(entry["verified"] == false);
  CHECK(entry["rules_version"] == rules);
  CHECK(entry["last_verified"] == json{{"value", true}, {"time", t - 2000}, {"rules_version", rules}});

  // Every field status had before is still there.
  for (const char* field : {"setting", "account", "first_seen", "last_checked", "last_changed", "nudge"}) {
    INFO(field);
    CHECK(entry.contains(field));
  }
}

TEST_CASE("untrain's next reading supersedes the member's report", "[protocol][reported]") {
  TempDir dir;
  HostProcess host(dir.path() / "untrain.db");
  std::int64_t t = now();
  REQUIRE(host.ask(observe(1, false, t - 2000, "member-reported"))["ok"] == true);
  auto reported = ai_training(host, 2);
  CHECK(reported["verdict"] == "off-reported");
  CHECK(reported["last_verified"].is_null());  // untrain never read it

  REQUIRE(host.ask(observe(3, false, t - 1000, "page-load"))["ok"] == true);
  auto read = ai_training(host, 4);
  CHECK(read["verdict"] == "off");
  CHECK(read["source"] == "page-load");
  CHECK(read["verified"] == true);
  CHECK(read["last_verified"]["time"] == t - 1000);
}

TEST_CASE("untrain status says whose word a value is and which rules read it", "[protocol][reported]") {
  TempDir dir;
  auto db = dir.path() / "untrain.db";
  std::string rules;
  {
    HostProcess host(db);
    rules = rules_version(host);
    std::int64_t t = now();
    REQUIRE(host.ask(observe(1, true, t - 2000, "page-load"))["ok"] == true);
    auto research = observe(2, false, t - 1500, "page-load");
    research["setting"] = "research";
    research["url"] = "https://www.linkedin.com/mypreferences/d/settings/policy-and-academic-research";
    REQUIRE(host.ask(research)["ok"] == true);
    REQUIRE(host.ask(observe(3, false, t - 1000, "member-reported"))["ok"] == true);
  }
  std::string text = untrain({"status", "--db", db.string()});
  INFO(text);
  CHECK_THAT(text, Catch::Contains("Data for Generative AI Improvement [ai-training]: Off (off-reported) · reported by "
                                   "you "));
  CHECK_THAT(text, Catch::Contains(", not read by untrain · untrain last read it On on "));
  CHECK_THAT(text, Catch::Contains(", rules " + rules));
  CHECK_THAT(text, Catch::Contains("[research]: Off (off) · checked "));

  auto json_status = json::parse(untrain({"status", "--json", "--db", db.string()}));
  auto ai = json_status[0]["settings"][0];
  CHECK(ai["verified"] == false);
  CHECK(ai["source"] == "member-reported");
  CHECK(json_status[0]["settings"][1]["verified"] == true);
  CHECK(json_status[0]["settings"][1]["rules_version"] == rules);
}
