#include "trail/verdict.h"

#include "core/clock.h"

namespace untrain {

std::string_view verdict_name(Verdict verdict) {
  switch (verdict) {
    case Verdict::unknown: return "unknown";
    case Verdict::stale: return "stale";
    case Verdict::off: return "off";
    case Verdict::on_by_default: return "on-by-default";
    case Verdict::on: return "on";
    case Verdict::off_reported: return "off-reported";
    case Verdict::on_reported: return "on-reported";
  }
  return "unknown";
}

std::optional<Verdict> verdict_from_name(std::string_view name) {
  for (Verdict v : {Verdict::unknown, Verdict::stale, Verdict::off, Verdict::on_by_default, Verdict::on,
                    Verdict::off_reported, Verdict::on_reported}) {
    if (verdict_name(v) == name) return v;
  }
  return std::nullopt;
}

Verdict decide(const SettingRule& rule, const std::optional<SettingState>& state, std::int64_t now_ms,
               std::int64_t stale_after_ms) {
  if (!state) return Verdict::unknown;
  if (sub_ms(now_ms, state->last_checked) > stale_after_ms) return Verdict::stale;
  // The member's word says what they saw; it is kept apart so that nobody takes it for untrain's reading.
  if (!state->verified()) return state->value == rule.private_value ? Verdict::off_reported : Verdict::on_reported;
  if (state->value == rule.private_value) return Verdict::off;
  // Any recorded change means the current value is no longer simply what LinkedIn chose.
  bool never_changed = !state->last_changed.has_value();
  if (never_changed && state->first_value != rule.private_value) return Verdict::on_by_default;
  return Verdict::on;
}

}  // namespace untrain
