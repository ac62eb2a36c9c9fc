// Decides what untrain tells the member about a setting, from its rule and its logged state.
// Pure, table-tested in tests: the order of the checks below is the specification.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/rules.h"
#include "trail/setting_state.h"

namespace untrain {

// off_reported and on_reported rest on the member's own report, never on a reading: a verified Off is `off` alone.
enum class Verdict { unknown, stale, off, on_by_default, on, off_reported, on_reported };

inline constexpr std::int64_t kDefaultStaleAfterMs = 30LL * 24 * 60 * 60 * 1000;

std::string_view verdict_name(Verdict verdict);

// The verdict of that name; nullopt for any other text.
std::optional<Verdict> verdict_from_name(std::string_view name);

Verdict decide(const SettingRule& rule, const std::optional<SettingState>& state, std::int64_t now_ms,
               std::int64_t stale_after_ms = kDefaultStaleAfterMs);

}  // namespace untrain
