#include "trail/status_view.h"

#include <catch2/catch.hpp>

using namespace untrain;

namespace {

constexpr std::int64_t kDay = 24LL * 60 * 60 * 1000;
constexpr std::int64_t kNow = 1'800'000'000'000;

PlatformRules two_settings() {
  return parse_rules(R"({"platform":"linkedin","version":"1","origin":"https://www.linkedin.com",
    "settings":[{"id":"ai-training","title":"AI","page":"/a","private_value":false,"default_value":true,"banner":true},
                {"id":"ads","title":"Ads","page":"/b","private_value":false,"default_value":true}],
    "forms":[{"id":"objection-form","title":"Form","url":"https://x","settings":["ai-training"]}]})");
}

SettingState seen_on(const std::string& account, std::int64_t checked) {
  return SettingState{"linkedin", account, "ai-training", true, true, checked, checked, std::nullopt};
}

}  // namespace

TEST_CASE("status reports a held snooze and dismissal per setting, for the state's own account", "[status]") {
  std::vector<NudgeState> nudges = {
      {"linkedin", "jane-doe", "ai-training", kNow + kDay, "on-by-default", true, std::nullopt},
      {"linkedin", "john-roe", "ai-training", kNow + 2 * kDay, std::nullopt, std::nullopt, std::nullopt},
  };
  auto view = status_view(two_settings(), {seen_on("jane-doe", kNow - 10)}, nudges, {}, std::nullopt, kNow);
  auto ai = view["settings"][0];
  CHECK(ai["verdict"] == "on-by-default");
  CHECK(ai["nudge"]["snoozed_until"] == kNow + kDay);
  CHECK(ai["nudge"]["dismissed"] == true);
  auto ads = view["settings"][1];
  CHECK(ads["nudge"]["snoozed_until"].is_null());
  CHECK(ads["nudge"]["dismissed"] == false);
}

TEST_CASE("a never-seen setting's nudge is looked up under the requested account", "[status]") {
  std::vector<NudgeState> nudges = {
      {"linkedin", "jane-doe", "ads", kNow + kDay, "unknown", std::nullopt, std::nullopt}};
  auto view = status_view(two_settings(), {}, nudges, {}, std::string("jane-doe"), kNow);
  CHECK(view["settings"][1]["nudge"]["snoozed_until"] == kNow + kDay);
  CHECK(view["settings"][1]["nudge"]["dismissed"] == true);
  auto other = status_view(two_settings(), {}, nudges, {}, std::string("john-roe"), kNow);
  CHECK(other["settings"][1]["nudge"]["dismissed"] == false);
}

TEST_CASE("status lists every form of the rules with the date it was marked sent", "[status]") {
  std::vector<FormState> forms = {{"linkedin", "jane-doe", "objection-form", "2026-11-20", kNow - 5 * kDay},
                                  {"linkedin", "john-roe", "objection-form", "2026-11-27", kNow - kDay}};
  auto latest = status_view(two_settings(), {}, {}, forms, std::nullopt, kNow)["forms"];
  REQUIRE(latest.size() == 1);
  CHECK(latest[0]["form"] == "objection-form");
  CHECK(latest[0]["sent_on"] == "2026-11-27");
  CHECK(latest[0]["account"] == "john-roe");
  auto jane = status_view(two_settings(), {}, {}, forms, std::string("jane-doe"), kNow)["forms"];
  CHECK(jane[0]["sent_on"] == "2026-11-20");
  auto nobody = status_view(two_settings(), {}, {}, forms, std::string("ann-other"), kNow)["forms"];
  CHECK(nobody[0]["sent_on"].is_null());
  CHECK(nobody[0]["recorded"].is_null());
}

TEST_CASE("status applies the requested stale threshold and says which it used", "[status]") {
  auto view = status_view(two_settings(), {seen_on("jane-doe", kNow - 8 * kDay)}, {}, {}, std::nullopt, kNow, 7 * kDay);
  CHECK(view["settings"][0]["verdict"] == "stale");
  CHECK(view["stale_after_days"] == 7);
  auto by_default = status_view(two_settings(), {seen_on("jane-doe", kNow - 8 * kDay)}, {}, {}, std::nullopt, kNow);
  CHECK(by_default["settings"][0]["verdict"] == "on-by-default");
  CHECK(by_default["stale_after_days"] == 30);
}

TEST_CASE("status names the source and rules version of each value, and whether untrain read it", "[status]") {
  SettingState read = seen_on("jane-doe", kNow - 10);
  read.source = "page-load";
  read.rules_version = "2026-11-28";
  read.last_verified = VerifiedReading{true, kNow - 10, "2026-11-28"};
  auto view = status_view(two_settings(), {read}, std::nullopt, kNow);
  auto ai = view["settings"][0];
  CHECK(ai["source"] == "page-load");
  CHECK(ai["rules_version"] == "2026-11-28");
  CHECK(ai["verified"] == true);
  CHECK(ai["last_verified"] == nlohmann::json{{"value", true}, {"time", kNow - 10}, {"rules_version", "2026-11-28"}});
  // Never observed: nothing to name, and nothing verified.
  auto ads = view["settings"][1];
  for (const char* field : {"source", "rules_version", "verified", "last_verified"}) {
    INFO(field);
    CHECK(ads[field].is_null());
  }
}

TEST_CASE("a member's report is shown as theirs, beside what untrain last read itself", "[status]") {
  SettingState report = seen_on("jane-doe", kNow - 10);
  report.value = false;
  report.last_changed = kNow - 10;
  report.source = "member-reported";
  report.rules_version = "2026-11-28";
  report.last_verified = VerifiedReading{true, kNow - kDay, "2026-11-20"};
  auto ai = status_view(two_settings(), {report}, std::nullopt, kNow)["settings"][0];
  CHECK(ai["verdict"] == "off-reported");
  CHECK(ai["value"] == false);
  CHECK(ai["source"] == "member-reported");
  CHECK(ai["verified"] == false);
  CHECK(ai["last_verified"] == nlohmann::json{{"value", true}, {"time", kNow - kDay}, {"rules_version", "2026-11-20"}});

  report.last_verified.reset();  // untrain never read it
  ai = status_view(two_settings(), {report}, std::nullopt, kNow)["settings"][0];
  CHECK(ai["verified"] == false);
  CHECK(ai["last_verified"].is_null());
}

TEST_CASE("every field status had before member reports is still there", "[status]") {
  auto ai = status_view(two_settings(), {seen_on("jane-doe", kNow - 10)}, std::nullopt, kNow)["settings"][0];
  for (const char* field :
       {"setting", "account", "value", "verdict", "first_seen", "last_checked", "last_changed", "nudge"}) {
    INFO(field);
    CHECK(ai.contains(field));
  }
}
