// The store's nudge and form tables: kept in the same transaction as their events, and read by
// status without touching the log.
#include <catch2/catch.hpp>
#include <chrono>

#include "core/error.h"
#include "core/rules.h"
#include "store/store.h"
#include "temp_dir.h"
#include "trail/form.h"
#include "trail/nudge.h"
#include "trail/status_view.h"

using namespace untrain;

namespace {

constexpr std::int64_t kT = 1'800'000'000'000;

Record seen(bool value, std::int64_t time) {
  return {Observation{"linkedin", "jane-doe", "ai-training", value, "https://www.linkedin.com/x", time,
                      ObservationSource::page_load}};
}

Record nudged(const char* action, const char* verdict, std::optional<std::int64_t> until = std::nullopt) {
  return {Nudge{"linkedin", "jane-doe", "ai-training", *parse<NudgeAction>(action), NudgeSource::banner, verdict, until,
                "", kT}};
}

Record marked(const char* sent_on, std::optional<std::string> account = "jane-doe") {
  return {FormReport{"linkedin", account, "objection-form", sent_on, NudgeSource::popup, "", kT}};
}

}  // namespace

TEST_CASE("a snooze is kept with its end; shown and clicked hold nothing back", "[store][nudge]") {
  TempDir dir;
  auto store = Store::open(dir.path() / "untrain.db");
  store.append(nudged("shown", "unknown"), 1);
  store.append(nudged("clicked", "unknown"), 2);
  for (const NudgeState& n : store.nudges("linkedin")) {
    CHECK_FALSE(n.snoozed_until);
    CHECK_FALSE(n.dismissed_verdict);
  }
  store.append(nudged("snoozed", "unknown", kT + 100), 3);
  store.append(nudged("snoozed", "unknown", kT + 200), 4);
  auto nudges = store.nudges("linkedin");
  REQUIRE(nudges.size() == 1);
  CHECK(nudges[0].account == "jane-doe");
  CHECK(nudges[0].snoozed_until == std::optional<std::int64_t>(kT + 200));
  CHECK_FALSE(nudges[0].dismissed_verdict.has_value());
  CHECK(store.events().size() == 4);
  CHECK(store.events()[2].kind == "nudge");
}

TEST_CASE("a dismissal keeps the verdict it dismissed and the setting's state at that moment", "[store][nudge]") {
  TempDir dir;
  auto store = Store::open(dir.path() / "untrain.db");
  store.append(nudged("dismissed", "unknown"), 1);
  auto before = store.nudges("linkedin");
  REQUIRE(before.size() == 1);
  CHECK(before[0].dismissed_verdict == std::optional<std::string>("unknown"));
  CHECK_FALSE(before[0].dismissed_value.has_value());

  store.append(seen(true, 1000), 2);
  store.append(seen(false, 2000), 3);
  store.append(nudged("snoozed", "off", kT + 1), 4);
  store.append(nudged("dismissed", "off"), 5);
  auto after = store.nudges("linkedin");
  CHECK(after[0].dismissed_verdict == std::optional<std::string>("off"));
  CHECK(after[0].dismissed_value == std::optional<bool>(false));
  CHECK(after[0].dismissed_changed == std::optional<std::int64_t>(2000));
  CHECK(after[0].snoozed_until == std::optional<std::int64_t>(kT + 1));
}

TEST_CASE("an undo lifts the setting's snooze and dismissal and keeps the events that set them", "[store][nudge]") {
  TempDir dir;
  auto store = Store::open(dir.path() / "untrain.db");
  store.append(seen(true, 1000), 1);
  store.append(nudged("snoozed", "on-by-default", kT + 100), 2);
  store.append(nudged("dismissed", "on-by-default"), 3);
  REQUIRE(store.nudges("linkedin").at(0).dismissed_verdict.has_value());
  store.append(nudged("undone", "on-by-default"), 4);
  auto after = store.nudges("linkedin");
  REQUIRE(after.size() == 1);
  CHECK_FALSE(after[0].snoozed_until.has_value());
  CHECK_FALSE(after[0].dismissed_verdict.has_value());
  CHECK_FALSE(after[0].dismissed_value.has_value());
  CHECK_FALSE(after[0].dismissed_changed.has_value());
  auto hold = nudge_hold(after[0], store.states("linkedin").at(0), Verdict::on_by_default, kT);
  CHECK_FALSE(hold.snoozed_until.has_value());
  CHECK_FALSE(hold.dismissed);
  REQUIRE(store.events().size() == 4);
  CHECK(store.events()[1].action == "snoozed");
  CHECK(store.events()[2].action == "dismissed");
  CHECK(store.events()[3].action == "undone");
  CHECK(store.events()[3].detail == R"({"verdict":"on-by-default"})");
}

TEST_CASE("an undo where nothing was held keeps nothing but its event", "[store][nudge]") {
  TempDir dir;
  auto store = Store::open(dir.path() / "untrain.db");
  store.append(nudged("undone", "unknown"), 1);
  CHECK(store.nudges("linkedin").empty());
  CHECK(store.events().size() == 1);
}

TEST_CASE("a form date is kept per account, the latest marking winning", "[store][form]") {
  TempDir dir;
  auto store = Store::open(dir.path() / "untrain.db");
  store.append(marked("2026-11-20"), 10);
  store.append(marked("2026-11-21"), 20);
  store.append(marked("2026-11-22", std::nullopt), 30);
  auto forms = store.forms("linkedin");
  REQUIRE(forms.size() == 2);
  CHECK(forms[0].account.empty());
  CHECK(forms[1].account == "jane-doe");
  CHECK(forms[1].sent_on == "2026-11-21");
  CHECK(forms[1].recorded == 20);
  CHECK(store.events()[0].detail == R"({"form":"objection-form","sent_on":"2026-11-20"})");
}

TEST_CASE("a version-1 database is migrated with its events kept and the chain unbroken", "[store][migration]") {
  TempDir dir;
  auto path = dir.path() / "untrain.db";
  {
    // What the foundation's untrain created: only the first migration.
    sql::Database raw(path.string());
    raw.exec(R"sql(CREATE TABLE events (seq INTEGER PRIMARY KEY, recorded INTEGER NOT NULL, time INTEGER NOT NULL,
      kind TEXT NOT NULL, action TEXT NOT NULL, source TEXT NOT NULL, platform TEXT NOT NULL, account TEXT NOT NULL,
      setting TEXT NOT NULL, value INTEGER CHECK (value IN (0, 1)), previous INTEGER CHECK (previous IN (0, 1)),
      url TEXT NOT NULL, detail TEXT NOT NULL, untrain_version TEXT NOT NULL, rules_version TEXT NOT NULL,
      prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
      CREATE TABLE current_state (platform TEXT NOT NULL, account TEXT NOT NULL, setting TEXT NOT NULL,
      value INTEGER NOT NULL, first_value INTEGER NOT NULL, first_seen INTEGER NOT NULL, last_checked INTEGER NOT NULL,
      last_changed INTEGER, PRIMARY KEY (platform, account, setting)) WITHOUT ROWID;
      PRAGMA user_version = 1;)sql");
  }
  auto store = Store::open(path);
  CHECK(store.schema_version() >= 2);
  store.append(seen(true, 1000), 1);
  store.append(nudged("snoozed", "on-by-default", kT + 1), 2);
  CHECK(store.events().size() == 2);
  CHECK(store.nudges("linkedin").size() == 1);
}

TEST_CASE("status stays fast with a million events in the log", "[store][perf]") {
  TempDir dir;
  auto path = dir.path() / "untrain.db";
  {
    auto store = Store::open(path);
    store.append(seen(true, 1000), 1);
    store.append(nudged("snoozed", "on-by-default", kT + 1), 2);
    store.append(marked("2026-11-28"), 3);
  }
  {
    // Rows that only fill the log (not a valid chain): status must not read them at all.
    sql::Database raw(path.string());
    raw.exec(R"sql(WITH RECURSIVE n(i) AS (SELECT 4 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000)
      INSERT INTO events SELECT i, i, i, 'nudge', 'shown', 'banner', 'linkedin', 'jane-doe', 'ai-training', NULL, NULL,
      'https://www.linkedin.com/feed/', '{"verdict":"on-by-default"}', '0.1.0', '2026-11-28', '', '' FROM n)sql");
  }
  auto store = Store::open(path);
  const PlatformRules& rules = *find_platform("linkedin");
  auto started = std::chrono::steady_clock::now();
  constexpr int kRounds = 100;
  nlohmann::json view;
  for (int i = 0; i < kRounds; ++i) {
    view = status_view(rules, store.states("linkedin"), store.nudges("linkedin"), store.forms("linkedin"), std::nullopt,
                       kT);
  }
  auto per_status = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started) / kRounds;
  WARN("status with 1,000,000 events: " << per_status.count() << " ms");
  CHECK(view["settings"][0]["nudge"]["snoozed_until"] == kT + 1);
  CHECK(view["forms"][0]["sent_on"] == "2026-11-28");
  CHECK(per_status.count() < 5.0);
  // Appending stays fast too: the tail of the chain is found by its primary key.
  auto append_started = std::chrono::steady_clock::now();
  CHECK(store.append(seen(false, 2000), kT).seq == 1000001);
  auto append_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - append_started);
  WARN("append after 1,000,000 events: " << append_ms.count() << " ms");
  CHECK(append_ms.count() < 500.0);
}

TEST_CASE("a nudge shown on every page view is logged once a day, and again when what it says changes",
          "[store][nudge]") {
  TempDir dir;
  auto store = Store::open(dir.path() / "untrain.db");
  constexpr std::int64_t kDay = 86'400'000;
  const std::int64_t morning = (kT / kDay) * kDay + 8 * 3600 * 1000;
  int logged = 0;
  for (int view = 0; view < 50; ++view) {  // 50 page views with the setting On: one "shown"
    if (store.append_if_news(nudged("shown", "on-by-default"), morning + view * 60'000)) ++logged;
  }
  CHECK(logged == 1);
  // What it says changed: the setting was read Off, and the banner now shows that.
  store.append(seen(false, kT), morning + 3'600'000);
  CHECK(store.append_if_news(nudged("shown", "on-by-default"), morning + 3'700'000));
  CHECK(store.append_if_news(nudged("shown", "off"), morning + 3'800'000));
  CHECK_FALSE(store.append_if_news(nudged("shown", "off"), morning + 3'900'000));
  // The next day, once again.
  CHECK(store.append_if_news(nudged("shown", "off"), morning + kDay));
  // The member's own actions are logged every time.
  CHECK(store.append_if_news(nudged("clicked", "off"), morning + kDay + 1));
  CHECK(store.append_if_news(nudged("clicked", "off"), morning + kDay + 2));
  std::int64_t shown = 0;
  for (const Event& e : store.events()) shown += e.kind == "nudge" && e.action == "shown";
  CHECK(shown == 4);
}
