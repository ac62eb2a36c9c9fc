#include "status_view.h"

#include "verdict.h"

namespace untrain {
namespace {

std::optional<SettingState> pick(const std::vector<SettingState>& states, const std::string& setting,
                                 const std::optional<std::string>& account) {
  std::optional<SettingState> best;
  for (const auto& s : states) {
    if (s.setting != setting) continue;
    if (account && s.account != *account) continue;
    if (!best || s.last_checked > best->last_checked) best = s;
  }
  return best;
}

nlohmann::json nullable(const std::optional<std::int64_t>& v) { return v ? nlohmann::json(*v) : nullptr; }

}  // namespace

nlohmann::json status_view(const PlatformRules& rules, const std::vector<SettingState>& states,
                           const std::optional<std::string>& account, std::int64_t now_ms) {
  auto settings = nlohmann::json::array();
  for (const auto& rule : rules.settings) {
    auto state = pick(states, rule.id, account);
    nlohmann::json entry = {{"setting", rule.id}, {"verdict", verdict_name(decide(rule, state, now_ms))}};
    if (state) {
      entry["account"] = state->account.empty() ? nlohmann::json(nullptr) : nlohmann::json(state->account);
      entry["value"] = state->value;
      entry["first_seen"] = state->first_seen;
      entry["last_checked"] = state->last_checked;
      entry["last_changed"] = nullable(state->last_changed);
    } else {
      entry["account"] = account ? nlohmann::json(*account) : nlohmann::json(nullptr);
      entry["value"] = nullptr;
      entry["first_seen"] = nullptr;
      entry["last_checked"] = nullptr;
      entry["last_changed"] = nullptr;
    }
    settings.push_back(std::move(entry));
  }
  return {{"platform", rules.platform}, {"now", now_ms}, {"settings", std::move(settings)}};
}

}  // namespace untrain
