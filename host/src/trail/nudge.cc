#include "trail/nudge.h"

#include <nlohmann/json.hpp>

namespace untrain {

bool is_nudge_action(std::string_view action) { return parse<NudgeAction>(action).has_value(); }

bool is_nudge_source(std::string_view source) { return parse<NudgeSource>(source).has_value(); }

Event nudge_event(const Nudge& n) {
  Event e;
  e.time = n.time_ms;
  e.kind = to_string(EventKind::nudge);
  e.action = to_string(n.action);
  e.source = to_string(n.source);
  e.platform = n.platform;
  e.account = n.account.value_or("");
  e.setting = n.setting;
  e.url = n.url;
  nlohmann::json detail = nlohmann::json::object();
  // The protocol requires a verdict; an empty one is left out rather than recorded as "".
  if (!n.verdict.empty()) detail["verdict"] = n.verdict;
  if (n.until) detail["until"] = *n.until;
  e.detail = detail.dump();  // an object's keys come out sorted, as docs/audit-trail.md shows them
  return e;
}

bool shown_is_news(const std::optional<ShownNudge>& last, const ShownNudge& now) {
  return !last || last->day != now.day || last->verdict != now.verdict || last->value != now.value;
}

NudgeHold nudge_hold(const std::optional<NudgeState>& nudge, const std::optional<SettingState>& state, Verdict verdict,
                     std::int64_t now_ms) {
  NudgeHold hold;
  if (!nudge) return hold;
  if (nudge->snoozed_until && *nudge->snoozed_until > now_ms) hold.snoozed_until = nudge->snoozed_until;
  if (nudge->dismissed_verdict && *nudge->dismissed_verdict == verdict_name(verdict)) {
    bool same_value = state ? nudge->dismissed_value.has_value() && *nudge->dismissed_value == state->value
                            : !nudge->dismissed_value.has_value();
    bool same_change = state && state->last_changed
                           ? nudge->dismissed_changed.has_value() && *nudge->dismissed_changed == *state->last_changed
                           : !nudge->dismissed_changed.has_value();
    hold.dismissed = same_value && same_change;
  }
  return hold;
}

}  // namespace untrain
