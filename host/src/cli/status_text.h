// What `untrain status` prints for people: a one-line summary first ("AI training: Off since 29 Nov 2026 · 3 of 13
// settings never checked"), then one line per setting under the name LinkedIn shows, with its state and verdict,
// when it was last checked and whether untrain read it or the member reported it, then one line per form.
// Formatting only, from the `status` view (trail/status_view.h); every value is made terminal-safe here.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "cli/colour.h"
#include "core/local_time.h"
#include "core/rules.h"

namespace untrain {

std::string status_summary(const PlatformRules& rules, const nlohmann::json& view, Zone zone, const Palette& palette);
std::string setting_line(const PlatformRules& rules, const nlohmann::json& setting, Zone zone, const Palette& palette);
std::string form_line(const PlatformRules& rules, const nlohmann::json& form);

}  // namespace untrain
