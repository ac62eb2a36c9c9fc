#include "trail/status_view.h"

namespace untrain {
namespace {

std::optional<SettingState> pick(const std::vector<SettingState>& states, const std::string& setting,
                                 const std::optional<std::string>& account) {
  std::optional<SettingState> best;
  for (const auto& s : states) {
    if (s.setting != setting) continue;
    if (account && s.account != *account) continue;
    if (!best || s.recorded > best->recorded) best = s;
  }
  return best;
}

std::optional<NudgeState> nudge_of(const std::vector<NudgeState>& nudges, const std::string& setting,
                                   const std::string& account) {
  for (const auto& n : nudges) {
    if (n.setting == setting && n.account == account) return n;
  }
  return std::nullopt;
}

std::optional<FormState> pick_form(const std::vector<FormState>& forms, const std::string& form,
                                   const std::optional<std::string>& account) {
  std::optional<FormState> best;
  for (const auto& f : forms) {
    if (f.form != form) continue;
    if (account && f.account != *account) continue;
    if (!best || f.recorded > best->recorded) best = f;
  }
  return best;
}

nlohmann::json nullable(const std::optional<std::int64_t>& v) { return v ? nlohmann::json(*v) : nullptr; }
nlohmann::json text_or_null(const std::string& text) {
  return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

}  // namespace

nlohmann::json status_view(const PlatformRules& rules, const std::vector<SettingState>& states,
                           const std::vector<NudgeState>& nudges, const std::vector<FormState>& forms,
                           const std::optional<std::string>& account, std::int64_t now_ms,
                           std::int64_t stale_after_ms) {
  auto settings = nlohmann::json::array();
  for (const auto& rule : rules.settings) {
    auto state = pick(states, rule.id, account);
    Verdict verdict = decide(rule, state, now_ms, stale_after_ms);
    nlohmann::json entry = {{"setting", rule.id}, {"verdict", verdict_name(verdict)}};
    if (state) {
      entry["account"] = text_or_null(state->account);
      entry["value"] = state->value;
      entry["first_seen"] = state->first_seen;
      entry["last_checked"] = state->last_checked;
      entry["last_changed"] = nullable(state->last_changed);
      entry["source"] = text_or_null(state->source);
      entry["rules_version"] = text_or_null(state->rules_version);
      entry["verified"] = state->verified();
      entry["last_verified"] =
          state->last_verified ? nlohmann::json{{"value", state->last_verified->value},
                                                {"time", state->last_verified->time},
                                                {"rules_version", text_or_null(state->last_verified->rules_version)}}
                               : nlohmann::json(nullptr);
    } else {
      entry["account"] = account ? nlohmann::json(*account) : nlohmann::json(nullptr);
      entry["value"] = nullptr;
      entry["first_seen"] = nullptr;
      entry["last_checked"] = nullptr;
      entry["last_changed"] = nullptr;
      entry["source"] = nullptr;
      entry["rules_version"] = nullptr;
      entry["verified"] = nullptr;
      entry["last_verified"] = nullptr;
    }
    // The nudge belongs to the same account as the state it is about.
    std::string nudge_account = state ? state->account : account.value_or("");
    NudgeHold hold = nudge_hold(nudge_of(nudges, rule.id, nudge_account), state, verdict, now_ms);
    entry["nudge"] = {{"snoozed_until", nullable(hold.snoozed_until)}, {"dismissed", hold.dismissed}};
    settings.push_back(std::move(entry));
  }
  auto form_entries = nlohmann::json::array();
  for (const auto& form : rules.forms) {
    auto marked = pick_form(forms, form.id, account);
    form_entries.push_back({{"form", form.id},
                            {"account", marked ? text_or_null(marked->account)
                                               : (account ? nlohmann::json(*account) : nlohmann::json(nullptr))},
                            {"sent_on", marked ? nlohmann::json(marked->sent_on) : nlohmann::json(nullptr)},
                            {"recorded", marked ? nlohmann::json(marked->recorded) : nlohmann::json(nullptr)}});
  }
  return {{"platform", rules.platform},
          {"now", now_ms},
          {"stale_after_days", stale_after_ms / (24LL * 60 * 60 * 1000)},
          {"settings", std::move(settings)},
          {"forms", std::move(form_entries)}};
}

nlohmann::json status_view(const PlatformRules& rules, const std::vector<SettingState>& states,
                           const std::optional<std::string>& account, std::int64_t now_ms) {
  return status_view(rules, states, {}, {}, account, now_ms);
}

}  // namespace untrain
