#include "store/store.h"

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <limits>

#include "core/error.h"
#include "core/rules.h"
#include "temp_dir.h"
#include "trail/canonical.h"
#include "trail/status_view.h"

using namespace untrain;

namespace {

Observation observed(bool value, std::int64_t time, const char* source = "page-load") {
  Observation o;
  o.platform = "linkedin";
  o.account = "jane-doe";
  o.setting = "ai-training";
  o.value = value;
  o.url = "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement";
  o.time_ms = time;
  o.source = *parse<ObservationSource>(source);
  return o;
}

Record seen(bool value, std::int64_t time, const char* source = "page-load") { return {observed(value, time, source)}; }

int mode_of(const std::filesystem::path& path) {
  struct stat st {};
  REQUIRE(::stat(path.string().c_str(), &st) == 0);
  return st.st_mode & 0777;
}

}  // namespace

TEST_CASE("a new database gets a private folder and file", "[store][posix]") {
  TempDir dir;
  auto path = dir.path() / "nested" / "untrain" / "untrain.db";
  Store::open(path);
  CHECK(mode_of(path.parent_path()) == 0700);
  CHECK(mode_of(path) == 0600);
}

TEST_CASE("an existing database file with loose permissions is made private", "[store][posix]") {
  TempDir dir;
  auto path = dir.path() / "untrain.db";
  Store::open(path);
  ::chmod(path.string().c_str(), 0644);
  Store::open(path);
  CHECK(mode_of(path) == 0600);
}

TEST_CASE("the schema is migrated to the newest version once", "[store]") {
  TempDir dir;
  auto path = dir.path() / "untrain.db";
  int version = Store::open(path).schema_version();
  CHECK(version >= 1);
  CHECK(Store::open(path).schema_version() == version);
}

TEST_CASE("the database is in WAL mode", "[store]") {
  TempDir dir;
  auto path = dir.path() / "untrain.db";
  Store::open(path).append(seen(true, 1000), 1001);
  sql::Database raw(path.string());
  auto stmt = raw.prepare("PRAGMA journal_mode");
  REQUIRE(stmt.step());
  CHECK(stmt.text(0) == "wal");
}

TEST_CASE("appended observations are events in order, with every field kept", "[store]") {
  TempDir dir;
  auto store = Store::open(dir.path() / "untrain.db");
  CHECK(store.append(seen(true, 1000), 1005).seq == 1);
  CHECK(store.append(seen(false, 2000, "user-change"), 2005).seq == 2);
  auto events = store.events();
  REQUIRE(events.size() == 2);
  CHECK(events[0].seq == 1);
  CHECK(events[0].recorded == 1005);
  CHECK(events[0].time == 1000);
  CHECK(events[0].kind == "observation");
  CHECK(events[0].value == std::optional<bool>(true));
  CHECK(events[0].account == "jane-doe");
  CHECK(events[1].source == "user-change");
  CHECK(events[1].value == std::optional<bool>(false));
  CHECK(events[1].url == "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement");
}

TEST_CASE("the current state keeps the first value and when the value last changed", "[store]") {
  TempDir dir;
  auto store = Store::open(dir.path() / "untrain.db");
  store.append(seen(true, 1000), 1);
  store.append(seen(true, 2000), 2);
  auto states = store.states("linkedin");
  REQUIRE(states.size() == 1);
  CHECK(states[0].first_value);
  CHECK(states[0].first_seen == 1000);
  CHECK(states[0].last_checked == 2000);
  CHECK_FALSE(states[0].last_changed.has_value());

  store.append(seen(false, 3000, "user-change"), 3);
  states = store.states("linkedin");
  CHECK_FALSE(states[0].value);
  CHECK(states[0].first_value);
  CHECK(states[0].last_changed == std::optional<std::int64_t>(3000));
}

TEST_CASE("the state follows the log's order: a late observation is the latest, and its action says so", "[store]") {
  TempDir dir;
  auto store = Store::open(dir.path() / "untrain.db");
  store.append(seen(true, 1000), 1);
  store.append(seen(false, 5000), 2);
  auto late = store.append(seen(true, 4000), 3);  // flushed late from the extension's queue
  CHECK(late.action == "change");
  CHECK(late.previous == std::optional<bool>(false));
  auto states = store.states("linkedin");
  CHECK(states[0].value);
  CHECK(states[0].last_checked == 4000);
  // The next event is compared with the one before it in the log: a check of On, not a change from Off.
  auto next = store.append(seen(true, 6000), 4);
  CHECK(next.action == "check");
  CHECK(next.previous == std::optional<bool>(true));
  // So every event's previous is the value of the event before it, for the same setting, in the log.
  std::optional<bool> before;
  for (const auto& e : store.events()) {
    CHECK(e.previous == before);
    before = e.value;
  }
}

TEST_CASE("a row dated far in the future does not freeze the state", "[store]") {
  TempDir dir;
  auto store = Store::open(dir.path() / "untrain.db");
  store.append(seen(true, std::numeric_limits<std::int64_t>::max()), 1);  // a forged or wildly wrong clock
  store.append(seen(false, 2000, "user-change"), 2);
  auto states = store.states("linkedin");
  CHECK_FALSE(states[0].value);
  CHECK(states[0].last_checked == 2000);
}

TEST_CASE("status shows the most recently recorded account, whatever time its reporter gave", "[store]") {
  TempDir dir;
  auto store = Store::open(dir.path() / "untrain.db");
  auto future = observed(true, std::numeric_limits<std::int64_t>::max() / 2);  // an old trail's wild clock
  future.account = "john-roe";
  store.append({future}, 1000);
  store.append(seen(false, 2000, "user-change"), 3000);  // jane-doe, recorded later
  auto view = status_view(*find_platform("linkedin"), store.states("linkedin"), {}, {}, std::nullopt, 4000);
  CHECK(view["settings"][0]["account"] == "jane-doe");
  CHECK(view["settings"][0]["value"] == false);
}

TEST_CASE("accounts are kept apart and an unknown account is its own entry", "[store]") {
  TempDir dir;
  auto store = Store::open(dir.path() / "untrain.db");
  store.append(seen(true, 1000), 1);
  auto other = observed(false, 1000);
  other.account.reset();
  store.append({other}, 2);
  auto states = store.states("linkedin");
  REQUIRE(states.size() == 2);
  CHECK(states[0].account.empty());
  CHECK(states[1].account == "jane-doe");
}

TEST_CASE("an acknowledged event is on disk for the next process", "[store]") {
  TempDir dir;
  auto path = dir.path() / "untrain.db";
  { Store::open(path).append(seen(true, 1000), 1); }
  CHECK(Store::open(path).events().size() == 1);
}

TEST_CASE("a database that cannot be opened is storage_unavailable", "[store]") {
  TempDir dir;
  auto path = dir.path() / "not-a-db";
  std::filesystem::create_directories(path);  // a folder where the file should be
  try {
    Store::open(path);
    FAIL("opened");
  } catch (const Error& e) {
    CHECK(e.code() == Code::storage_unavailable);
  }
}

TEST_CASE("an observation is a first sighting, then a check, then a change with the old value", "[store]") {
  TempDir dir;
  auto store = Store::open(dir.path() / "untrain.db");
  auto first = store.append(seen(true, 1000), 1);
  CHECK(first.action == "first-seen");
  CHECK_FALSE(first.previous.has_value());
  auto check = store.append(seen(true, 2000), 2);
  CHECK(check.action == "check");
  CHECK(check.previous == std::optional<bool>(true));
  auto change = store.append(seen(false, 3000, "user-change"), 3);
  CHECK(change.action == "change");
  CHECK(change.previous == std::optional<bool>(true));
  CHECK(change.value == std::optional<bool>(false));
}

TEST_CASE("events form a hash chain from the genesis hash", "[store]") {
  TempDir dir;
  auto store = Store::open(dir.path() / "untrain.db");
  store.append(seen(true, 1000), 1);
  store.append(seen(false, 2000), 2);
  auto events = store.events();
  CHECK(events[0].prev_hash == kGenesisHash);
  CHECK(events[0].hash == chain_hash(kGenesisHash, events[0]));
  CHECK(events[1].prev_hash == events[0].hash);
  CHECK(events[1].hash == chain_hash(events[0].hash, events[1]));
}

TEST_CASE("events that are not observations leave the current state alone", "[store]") {
  TempDir dir;
  auto store = Store::open(dir.path() / "untrain.db");
  Nudge nudge;
  nudge.time_ms = 1000;
  nudge.action = NudgeAction::shown;
  nudge.source = NudgeSource::banner;
  nudge.platform = "linkedin";
  nudge.setting = "ai-training";
  nudge.until = 2000;
  auto stored = store.append({nudge}, 5);
  CHECK(stored.action == "shown");
  CHECK(store.states("linkedin").empty());
  CHECK(store.events()[0].detail == R"({"until":2000})");
}
