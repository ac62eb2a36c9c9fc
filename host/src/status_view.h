// Builds the `status` reply (docs/protocol.md) from a platform's rules and the logged states.
// Pure: the store supplies the states, this decides what each one means.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "rules.h"
#include "setting_state.h"

namespace untrain {

// For each rule, the state of `account` or, without one, of the most recently checked account.
nlohmann::json status_view(const PlatformRules& rules, const std::vector<SettingState>& states,
                           const std::optional<std::string>& account, std::int64_t now_ms);

}  // namespace untrain
