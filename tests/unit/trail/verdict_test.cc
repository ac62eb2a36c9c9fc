#include "trail/verdict.h"

#include <catch2/catch.hpp>

#include "doc_table.h"

using namespace untrain;

namespace {

constexpr std::int64_t kDay = 24LL * 60 * 60 * 1000;
constexpr std::int64_t kNow = 1'800'000'000'000;

SettingRule ai_training() {
  SettingRule rule;
  rule.id = "ai-training";
  rule.private_value = false;
  rule.default_value = true;
  return rule;
}

SettingState state(bool first, bool latest, bool changed, std::int64_t age, const char* source = "page-load") {
  SettingState s;
  s.setting = "ai-training";
  s.first_value = first;
  s.value = latest;
  s.first_seen = kNow - 40 * kDay;
  s.last_checked = kNow - age;
  if (changed) s.last_changed = kNow - age;
  s.source = source;
  if (s.verified()) s.last_verified = VerifiedReading{latest, s.last_checked, "2026-11-28"};
  return s;
}

// The member said so; untrain read `read` before (nullopt: never).
SettingState reported(bool value, std::optional<bool> read, std::int64_t age = 0) {
  SettingState s = state(read.value_or(value), value, read && *read != value, age, "member-reported");
  if (read) s.last_verified = VerifiedReading{*read, kNow - age - kDay, "2026-11-28"};
  return s;
}

}  // namespace

TEST_CASE("the verdict of every state follows the documented order", "[verdict]") {
  struct Row {
    const char* name;
    std::optional<SettingState> state;
    Verdict expected;
  };
  std::vector<Row> table = {
      {"never observed", std::nullopt, Verdict::unknown},
      {"on at first sight, never changed", state(true, true, false, 0), Verdict::on_by_default},
      {"on at first sight, switched off", state(true, false, true, 0), Verdict::off},
      {"off at first sight", state(false, false, false, 0), Verdict::off},
      {"off at first sight, switched on", state(false, true, true, 0), Verdict::on},
      {"on at first sight, off, on again", state(true, true, true, 0), Verdict::on},
      {"checked 29 days ago, on", state(true, true, false, 29 * kDay), Verdict::on_by_default},
      {"checked 31 days ago, on", state(true, true, false, 31 * kDay), Verdict::stale},
      {"checked 31 days ago, off", state(true, false, true, 31 * kDay), Verdict::stale},
      {"checked exactly 30 days ago", state(true, false, true, 30 * kDay), Verdict::off},
      {"reported Off by the member, never read", reported(false, std::nullopt), Verdict::off_reported},
      {"reported Off by the member after untrain read it On", reported(false, true), Verdict::off_reported},
      {"reported Off by the member after untrain read it Off", reported(false, false), Verdict::off_reported},
      {"reported On by the member, never read", reported(true, std::nullopt), Verdict::on_reported},
      {"reported On by the member after untrain read it Off", reported(true, false), Verdict::on_reported},
      {"reported Off by the member 31 days ago", reported(false, true, 31 * kDay), Verdict::stale},
      {"an older trail's state, whose source is not recorded", state(true, false, true, 0, ""), Verdict::off},
  };
  for (const auto& row : table) {
    INFO(row.name);
    CHECK(verdict_name(decide(ai_training(), row.state, kNow)) == verdict_name(row.expected));
  }
}

TEST_CASE("a setting whose private value is On is off when observed On", "[verdict]") {
  SettingRule rule = ai_training();
  rule.private_value = true;  // e.g. "Block AI training"
  CHECK(decide(rule, state(true, true, false, 0), kNow) == Verdict::off);
  CHECK(decide(rule, state(false, false, false, 0), kNow) == Verdict::on_by_default);
}

TEST_CASE("the stale threshold can be chosen", "[verdict]") {
  CHECK(decide(ai_training(), state(true, false, true, 2 * kDay), kNow, 1 * kDay) == Verdict::stale);
}

TEST_CASE("a member's report is never a verified Off, whatever the setting's private value", "[verdict]") {
  SettingRule block = ai_training();
  block.private_value = true;
  CHECK(decide(block, reported(true, std::nullopt), kNow) == Verdict::off_reported);
  CHECK(decide(block, reported(false, true), kNow) == Verdict::on_reported);
  for (bool value : {false, true}) {
    for (const auto& rule : {ai_training(), block}) CHECK(decide(rule, reported(value, value), kNow) != Verdict::off);
  }
}

TEST_CASE("a reading after the member's report supersedes it", "[verdict]") {
  SettingState s = reported(false, true);
  CHECK(decide(ai_training(), s, kNow) == Verdict::off_reported);
  s.source = "page-load";  // untrain then read it Off itself
  CHECK(decide(ai_training(), s, kNow) == Verdict::off);
  s.value = true;  // or On
  CHECK(decide(ai_training(), s, kNow) == Verdict::on);
}

TEST_CASE("the verdicts are exactly those docs/protocol.md lists, each read back by its name", "[verdict]") {
  std::vector<std::string> documented;
  for (const auto& row : doc_table("protocol.md", "row that applies:")) documented.push_back(row.at(0));
  std::vector<std::string> named;
  for (Verdict v : {Verdict::unknown, Verdict::stale, Verdict::off_reported, Verdict::on_reported, Verdict::off,
                    Verdict::on_by_default, Verdict::on}) {
    named.emplace_back(verdict_name(v));
    CHECK(verdict_from_name(verdict_name(v)) == v);
  }
  CHECK(documented == named);
  CHECK_FALSE(verdict_from_name("reported").has_value());
}
