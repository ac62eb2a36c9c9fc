// A member's own report in the store: logged as an observation like any other, kept apart from the
// latest reading untrain made itself, superseded by the next reading; and a database from before
// member reports migrated with its status and its chain unchanged.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "core/rules.h"
#include "store/store.h"
#include "temp_dir.h"
#include "trail/chain_verifier.h"
#include "trail/status_view.h"

using namespace untrain;

namespace {

constexpr std::int64_t kT = 1'800'000'000'000;
constexpr std::int64_t kDay = 24LL * 60 * 60 * 1000;

Record observed(bool value, std::int64_t time, ObservationSource source, const char* rules_version = "2026-11-28") {
  return {Observation{"linkedin", "jane-doe", "ai-training", value,
                      "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement", time, source},
          "0.1.0", rules_version};
}

Record reported(bool value, std::int64_t time) { return observed(value, time, ObservationSource::member_reported); }

SettingState only_state(Store& store) {
  auto states = store.states("linkedin");
  REQUIRE(states.size() == 1);
  return states[0];
}

std::string verdict_of(Store& store, std::int64_t now) {
  return status_view(*find_platform("linkedin"), store.states("linkedin"), std::nullopt, now)["settings"][0]["verdict"];
}

}  // namespace

TEST_CASE("a member's report is logged as an observation with its own source", "[store][reported]") {
  TempDir dir;
  auto store = Store::open(dir.path() / "untrain.db");
  store.append(observed(true, kT, ObservationSource::page_load), 1);
  auto stored = store.append(reported(false, kT + 10), 2);
  CHECK(stored.kind == "observation");
  CHECK(stored.source == "member-reported");
  CHECK(stored.action == "change");
  CHECK(stored.previous == std::optional<bool>(true));
  CHECK(stored.rules_version == "2026-11-28");
  CHECK(store.events().back().source == "member-reported");
}

TEST_CASE("the state keeps the member's report apart from the last reading untrain made", "[store][reported]") {
  TempDir dir;
  auto store = Store::open(dir.path() / "untrain.db");
  store.append(observed(true, kT, ObservationSource::page_load, "2026-11-20"), 1);
  store.append(reported(false, kT + 10), 2);
  SettingState s = only_state(store);
  CHECK_FALSE(s.value);
  CHECK(s.source == "member-reported");
  CHECK_FALSE(s.verified());
  CHECK(s.rules_version == "2026-11-28");
  CHECK(s.last_checked == kT + 10);
  REQUIRE(s.last_verified.has_value());
  CHECK(s.last_verified->value);
  CHECK(s.last_verified->time == kT);
  CHECK(s.last_verified->rules_version == "2026-11-20");
  CHECK(verdict_of(store, kT + 20) == "off-reported");
}

TEST_CASE("a report with nothing read before it has no verified reading", "[store][reported]") {
  TempDir dir;
  auto store = Store::open(dir.path() / "untrain.db");
  CHECK(store.append(reported(false, kT), 1).action == "first-seen");
  SettingState s = only_state(store);
  CHECK_FALSE(s.verified());
  CHECK_FALSE(s.last_verified.has_value());
  CHECK(verdict_of(store, kT + 1) == "off-reported");
}

TEST_CASE("untrain's next reading supersedes the member's report", "[store][reported]") {
  TempDir dir;
  auto store = Store::open(dir.path() / "untrain.db");
  store.append(observed(true, kT, ObservationSource::page_load), 1);
  store.append(reported(false, kT + 10), 2);
  store.append(observed(false, kT + 20, ObservationSource::page_load), 3);
  SettingState s = only_state(store);
  CHECK(s.verified());
  CHECK(s.source == "page-load");
  CHECK(s.last_verified->time == kT + 20);
  CHECK_FALSE(s.last_verified->value);
  CHECK(verdict_of(store, kT + 30) == "off");
}

TEST_CASE("a reading logged after the member's report supersedes it, even one dated before it", "[store][reported]") {
  TempDir dir;
  auto store = Store::open(dir.path() / "untrain.db");
  store.append(observed(true, kT, ObservationSource::page_load), 1);
  store.append(reported(false, kT + 20), 2);
  // Flushed late from the queue: the log's order decides, so the state is what the log's last event says.
  auto late = store.append(observed(true, kT + 10, ObservationSource::page_load), 3);
  CHECK(late.action == "change");
  CHECK(late.previous == std::optional<bool>(false));
  SettingState s = only_state(store);
  CHECK(s.value);
  CHECK(s.source == "page-load");
  CHECK(s.last_verified->time == kT + 10);
  // An even older one is, again, the latest in the log.
  store.append(observed(false, kT + 5, ObservationSource::page_load), 4);
  CHECK(only_state(store).last_verified->time == kT + 5);
  CHECK_FALSE(only_state(store).last_verified->value);
}

TEST_CASE("a member's report turns stale as a reading does", "[store][reported]") {
  TempDir dir;
  auto store = Store::open(dir.path() / "untrain.db");
  store.append(reported(false, kT), 1);
  CHECK(verdict_of(store, kT + 31 * kDay) == "stale");
}

namespace {

std::string fixture(const char* name) {
  std::ifstream in(std::string(UNTRAIN_UNIT_DIR) + "/store/" + name);
  REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The state as an untrain from before member reports read it: only the columns it had.
std::vector<SettingState> schema_3_states(const std::filesystem::path& path) {
  sql::Database raw(path.string());
  auto stmt = raw.prepare(
      "SELECT account, setting, value, first_value, first_seen, last_checked, last_changed FROM current_state "
      "WHERE platform = 'linkedin' ORDER BY setting, account");
  std::vector<SettingState> out;
  while (stmt.step()) {
    SettingState s;
    s.platform = "linkedin";
    s.account = stmt.text(0);
    s.setting = stmt.text(1);
    s.value = stmt.integer(2) != 0;
    s.first_value = stmt.integer(3) != 0;
    s.first_seen = stmt.integer(4);
    s.last_checked = stmt.integer(5);
    s.last_changed = stmt.optional_integer(6);
    s.recorded = s.last_checked;  // before migration 5, "the most recently checked account" went by this
    out.push_back(s);
  }
  return out;
}

constexpr std::int64_t kFixtureT = 1'780'000'000'000;  // the fixture's first observation
constexpr std::int64_t kHour = 3'600'000;

}  // namespace

TEST_CASE("a database from before member reports migrates with every status field as it was", "[store][migration]") {
  TempDir dir;
  auto path = dir.path() / "untrain.db";
  { sql::Database(path.string()).exec(fixture("schema-3.sql").c_str()); }
  auto before = schema_3_states(path);
  REQUIRE(before.size() == 3);

  auto store = Store::open(path);
  CHECK(store.schema_version() == 6);
  const PlatformRules& rules = *find_platform("linkedin");
  const char* fields[] = {"setting",    "account",      "value",        "verdict",
                          "first_seen", "last_checked", "last_changed", "nudge"};
  for (std::optional<std::string> account : {std::optional<std::string>(), std::optional<std::string>("jane-doe")}) {
    for (std::int64_t now : {kFixtureT + 6 * kHour, kFixtureT + 40 * kDay}) {
      auto old_view = status_view(rules, before, store.nudges("linkedin"), store.forms("linkedin"), account, now);
      auto new_view =
          status_view(rules, store.states("linkedin"), store.nudges("linkedin"), store.forms("linkedin"), account, now);
      CHECK(new_view["forms"] == old_view["forms"]);
      for (std::size_t i = 0; i < rules.settings.size(); ++i) {
        for (const char* field : fields) {
          INFO(rules.settings[i].id << " " << field << " for " << account.value_or("(latest)") << " at " << now);
          CHECK(new_view["settings"][i][field] == old_view["settings"][i][field]);
        }
      }
    }
  }

  // The additions, filled in from the log: every value then was read by untrain.
  auto jane = status_view(rules, store.states("linkedin"), store.nudges("linkedin"), store.forms("linkedin"),
                          std::string("jane-doe"), kFixtureT + 6 * kHour)["settings"];
  CHECK(jane[0]["source"] == "page-load");  // the latest reading, not the late one logged after it
  CHECK(jane[0]["rules_version"] == "2026-11-28");
  CHECK(jane[0]["verified"] == true);
  CHECK(jane[0]["last_verified"] ==
        nlohmann::json{{"value", false}, {"time", kFixtureT + 3 * kHour}, {"rules_version", "2026-11-28"}});
  CHECK(jane[1]["source"] == "assisted");  // of two at the same time, the later one, as the state kept it
  CHECK(jane[1]["last_verified"]["value"] == false);
  CHECK(jane[2]["verified"].is_null());  // never observed

  // The chain is untouched, and continues.
  store.append(reported(false, kFixtureT + 7 * kHour), kFixtureT + 7 * kHour);
  ChainVerifier verifier(true);
  store.for_each_event({}, [&](const Event& e) { verifier.add(e); });
  CHECK_FALSE(verifier.finish().has_value());
  CHECK(verifier.events() == 13);
}
