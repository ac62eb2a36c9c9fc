// Nudges: untrain's banner, callout and popup asking the member to act. What the member did with
// one becomes a `nudge` event; whether a snooze or a dismissal still holds the nudges back is
// decided here, purely, from what the store kept and the setting's current state.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "trail/event.h"
#include "trail/setting_state.h"
#include "trail/verdict.h"

namespace untrain {

// One report from the extension (docs/protocol.md, `nudge`).
struct Nudge {
  std::string platform;
  std::optional<std::string> account;
  std::string setting;
  NudgeAction action = NudgeAction::shown;
  NudgeSource source = NudgeSource::banner;
  std::string verdict;                // the verdict the nudge showed (a name of verdict.h)
  std::optional<std::int64_t> until;  // snoozed: when the snooze ends, ms UTC
  std::string url;                    // "" when none
  std::int64_t time_ms = 0;
};

// What the store keeps of one setting's nudges (table nudge_state): the latest snooze, and the
// latest dismissal with the state it dismissed.
struct NudgeState {
  std::string platform;
  std::string account;
  std::string setting;
  std::optional<std::int64_t> snoozed_until;
  std::optional<std::string> dismissed_verdict;   // nullopt: never dismissed
  std::optional<bool> dismissed_value;            // the setting's value then; nullopt: never observed
  std::optional<std::int64_t> dismissed_changed;  // its last_changed then; nullopt: never changed
};

// Whether the member's own choices hold a setting's nudges back right now.
struct NudgeHold {
  std::optional<std::int64_t> snoozed_until;  // set only while the snooze lasts
  bool dismissed = false;
};

// The last "shown" the trail holds for one setting's nudges (table nudge_state): what it said, and when.
struct ShownNudge {
  std::string verdict;        // the verdict the nudge showed
  std::optional<bool> value;  // the setting's value then; nullopt: never observed
  std::int64_t day = 0;       // the member's calendar day it was recorded on (core/clock.h, local_day)
};

// Whether a nudge on screen goes into the trail: once a day for each setting (and account), and again that day only
// when what it says has changed, its verdict or the setting's value. Every page view shows the banner, and a
// "shown" per page view would make the trail the member's browsing history (docs/audit-trail.md).
bool shown_is_news(const std::optional<ShownNudge>& last, const ShownNudge& now);

bool is_nudge_action(std::string_view action);
bool is_nudge_source(std::string_view source);  // also where a form was marked

// The event as the store keeps it; detail holds the verdict and, for a snooze, its end.
Event nudge_event(const Nudge& nudge);

// A snooze holds until its end. A dismissal holds while the setting is as it was when dismissed:
// the same verdict (so "unknown" ends at the first observation and "on" ends when it turns stale),
// the same value and the same last change (so off-and-on-again is a new state, though the verdict
// is "on" both times).
NudgeHold nudge_hold(const std::optional<NudgeState>& nudge, const std::optional<SettingState>& state, Verdict verdict,
                     std::int64_t now_ms);

}  // namespace untrain
