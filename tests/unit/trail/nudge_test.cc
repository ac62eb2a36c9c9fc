#include "trail/nudge.h"

#include <catch2/catch.hpp>

using namespace untrain;

namespace {

constexpr std::int64_t kNow = 1'800'000'000'000;

SettingState on_state(std::optional<std::int64_t> last_changed = std::nullopt, bool value = true) {
  SettingState s;
  s.platform = "linkedin";
  s.account = "jane-doe";
  s.setting = "ai-training";
  s.value = value;
  s.first_value = true;
  s.first_seen = kNow - 1000;
  s.last_checked = kNow - 1000;
  s.last_changed = last_changed;
  return s;
}

// What the store keeps after a dismissal of `verdict` while the setting was `state`.
NudgeState dismissed(const char* verdict, const std::optional<SettingState>& state) {
  NudgeState n{"linkedin", "jane-doe", "ai-training", std::nullopt, verdict, std::nullopt, std::nullopt};
  if (state) {
    n.dismissed_value = state->value;
    n.dismissed_changed = state->last_changed;
  }
  return n;
}

SettingState checked_again(SettingState s) {
  s.last_checked = kNow;
  return s;
}

NudgeState snoozed(std::int64_t until) {
  return NudgeState{"linkedin", "jane-doe", "ai-training", until, std::nullopt, std::nullopt, std::nullopt};
}

}  // namespace

TEST_CASE("a dismissal holds while the state it dismissed lasts, and ends at every change", "[nudge]") {
  struct Row {
    const char* name;
    std::optional<NudgeState> nudge;
    std::optional<SettingState> now;
    Verdict verdict;
    bool held;
  };
  std::vector<Row> table = {
      {"never nudged", std::nullopt, on_state(), Verdict::on_by_default, false},
      {"dismissed on-by-default, still on by default", dismissed("on-by-default", on_state()), on_state(),
       Verdict::on_by_default, true},
      {"dismissed on-by-default, checked again and still on", dismissed("on-by-default", on_state()),
       checked_again(on_state()), Verdict::on_by_default, true},
      {"dismissed on-by-default, now stale", dismissed("on-by-default", on_state()), on_state(), Verdict::stale, false},
      {"dismissed unknown, still never seen", dismissed("unknown", std::nullopt), std::nullopt, Verdict::unknown, true},
      {"dismissed unknown, then first seen on", dismissed("unknown", std::nullopt), on_state(), Verdict::on_by_default,
       false},
      {"dismissed on, switched off", dismissed("on", on_state(5)), on_state(9, false), Verdict::off, false},
      {"dismissed on, then off and on again", dismissed("on", on_state(5)), on_state(9), Verdict::on, false},
      {"dismissed on, unchanged", dismissed("on", on_state(5)), on_state(5), Verdict::on, true},
      {"dismissed stale, checked again", dismissed("stale", on_state()), on_state(), Verdict::on_by_default, false},
      {"only snoozed", snoozed(kNow + 1), on_state(), Verdict::on_by_default, false},
  };
  for (const auto& row : table) {
    INFO(row.name);
    CHECK(nudge_hold(row.nudge, row.now, row.verdict, kNow).dismissed == row.held);
  }
}

TEST_CASE("a snooze holds until its end and not a millisecond longer", "[nudge]") {
  CHECK(nudge_hold(snoozed(kNow + 1), on_state(), Verdict::on, kNow).snoozed_until ==
        std::optional<std::int64_t>(kNow + 1));
  CHECK_FALSE(nudge_hold(snoozed(kNow), on_state(), Verdict::on, kNow).snoozed_until.has_value());
  CHECK_FALSE(nudge_hold(snoozed(kNow - 1), on_state(), Verdict::on, kNow).snoozed_until.has_value());
}

TEST_CASE("a snooze outlasts a change of state; a dismissal does not", "[nudge]") {
  NudgeState both = dismissed("on-by-default", on_state());
  both.snoozed_until = kNow + 1000;
  auto hold = nudge_hold(both, on_state(7, false), Verdict::off, kNow);
  CHECK(hold.snoozed_until.has_value());
  CHECK_FALSE(hold.dismissed);
}

TEST_CASE("a nudge event carries the verdict it showed and, for a snooze, its end", "[nudge]") {
  Nudge n{"linkedin",        std::nullopt, "ai-training", NudgeAction::snoozed, NudgeSource::banner, "on-by-default",
          kNow + 86'400'000, "",           kNow};
  Event e = nudge_event(n);
  CHECK(e.kind == "nudge");
  CHECK(e.action == "snoozed");
  CHECK(e.source == "banner");
  CHECK(e.account.empty());
  CHECK(e.setting == "ai-training");
  CHECK_FALSE(e.value.has_value());
  CHECK(e.detail == R"({"until":1800086400000,"verdict":"on-by-default"})");
  n.action = NudgeAction::shown;
  n.until.reset();
  CHECK(nudge_event(n).detail == R"({"verdict":"on-by-default"})");
}

TEST_CASE("nudge actions and sources are exactly the documented ones", "[nudge]") {
  for (auto action : {"shown", "clicked", "snoozed", "dismissed"}) CHECK(is_nudge_action(action));
  for (auto action : {"", "closed", "Shown"}) CHECK_FALSE(is_nudge_action(action));
  for (auto source : {"banner", "callout", "popup"}) CHECK(is_nudge_source(source));
  for (auto source : {"", "page-load", "page"}) CHECK_FALSE(is_nudge_source(source));
}

TEST_CASE("a nudge shown is news once a day per setting, and again that day only when what it says changed",
          "[nudge]") {
  const ShownNudge first{"on-by-default", true, 20'786};
  CHECK(shown_is_news(std::nullopt, first));
  CHECK_FALSE(shown_is_news(first, first));                                 // the 2nd to 50th page view
  CHECK(shown_is_news(first, ShownNudge{"on-by-default", true, 20'787}));   // the next day
  CHECK(shown_is_news(first, ShownNudge{"on", true, 20'786}));              // the verdict changed
  CHECK(shown_is_news(first, ShownNudge{"on-by-default", false, 20'786}));  // the value changed
  CHECK(shown_is_news(ShownNudge{"unknown", std::nullopt, 20'786}, ShownNudge{"unknown", false, 20'786}));
}
