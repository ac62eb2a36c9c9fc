#include "trail/verdict.h"

#include <catch2/catch.hpp>

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

SettingState state(bool first, bool latest, bool changed, std::int64_t age) {
  SettingState s;
  s.setting = "ai-training";
  s.first_value = first;
  s.value = latest;
  s.first_seen = kNow - 40 * kDay;
  s.last_checked = kNow - age;
  if (changed) s.last_changed = kNow - age;
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
