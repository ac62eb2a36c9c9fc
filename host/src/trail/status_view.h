// Builds the `status` reply (docs/protocol.md) from a platform's rules and the logged states.
// Pure: the store supplies the states, this decides what each one means.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/rules.h"
#include "trail/form.h"
#include "trail/nudge.h"
#include "trail/setting_state.h"
#include "trail/verdict.h"

namespace untrain {

// For each rule, the state of `account` or, without one, of the most recently checked account;
// with whether the member's snooze or dismissal holds its nudges back, and each form's date.
nlohmann::json status_view(const PlatformRules& rules, const std::vector<SettingState>& states,
                           const std::vector<NudgeState>& nudges, const std::vector<FormState>& forms,
                           const std::optional<std::string>& account, std::int64_t now_ms,
                           std::int64_t stale_after_ms = kDefaultStaleAfterMs);

// The same without nudges or forms: nothing is held back and no form was marked.
nlohmann::json status_view(const PlatformRules& rules, const std::vector<SettingState>& states,
                           const std::optional<std::string>& account, std::int64_t now_ms);

}  // namespace untrain
