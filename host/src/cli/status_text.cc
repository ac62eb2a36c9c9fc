// `untrain status` as text (status_text.h).
#include "cli/status_text.h"

#include "core/terminal_text.h"

namespace untrain {
namespace {

std::string state_word(const nlohmann::json& value) {
  if (value.is_boolean()) return value.get<bool>() ? "On" : "Off";
  return "unknown";
}

std::string rules_part(const nlohmann::json& version) {
  return version.is_string() ? ", rules " + terminal_safe(version.get<std::string>()) : std::string();
}

}  // namespace

std::string status_summary(const PlatformRules& rules, const nlohmann::json& view, Zone zone, const Palette& palette) {
  const auto& settings = view["settings"];
  std::size_t never = 0;
  for (const auto& s : settings) never += s["last_checked"].is_null();
  // The setting that decides the banner is the one the summary is about (LinkedIn's AI training).
  const nlohmann::json* main = nullptr;
  const SettingRule* main_rule = nullptr;
  for (const auto& s : settings) {
    const SettingRule* rule = rules.find(s["setting"].get<std::string>());
    if (rule && rule->banner) {
      main = &s;
      main_rule = rule;
      break;
    }
  }
  std::string text;
  if (main) {
    std::string name = main_rule->short_title.empty() ? main_rule->title : main_rule->short_title;
    const auto& s = *main;
    if (s["value"].is_boolean()) {
      std::int64_t since =
          s["last_changed"].is_number() ? s["last_changed"].get<std::int64_t>() : s["first_seen"].get<std::int64_t>();
      text = name + ": " + palette.paint(state_word(s["value"]), verdict_ink(s["verdict"].get<std::string>())) +
             (s["verified"] == false ? " (as you reported)" : "") + " since " + day_in(since, zone);
    } else {
      text = name + ": " + palette.paint("not checked yet", Ink::doubtful);
    }
    text += " · ";
  }
  if (never == 0) {
    text += "all " + std::to_string(settings.size()) + " settings checked";
  } else {
    text += std::to_string(never) + " of " + std::to_string(settings.size()) + " settings never checked";
  }
  return text;
}

std::string setting_line(const PlatformRules& rules, const nlohmann::json& s, Zone zone, const Palette& palette) {
  std::string id = s["setting"].get<std::string>();
  const SettingRule* rule = rules.find(id);
  std::string verdict = s["verdict"].get<std::string>();
  // LinkedIn's name for it, then untrain's id (what `untrain log --setting` takes).
  std::string line = terminal_safe(rule ? rule->title : id) + " " +
                     palette.paint("[" + terminal_safe(id) + "]", Ink::quiet) + ": " +
                     palette.paint(state_word(s["value"]) + " (" + terminal_safe(verdict) + ")", verdict_ink(verdict));
  if (s["last_checked"].is_null()) {
    line += " · never checked";
  } else if (s["verified"] == false) {
    line += " · reported by you " + minute_in(s["last_checked"].get<std::int64_t>(), zone) + ", not read by untrain";
    const auto& read = s["last_verified"];
    line += read.is_null() ? std::string(" · untrain has never read it")
                           : " · untrain last read it " + state_word(read["value"]) + " on " +
                                 minute_in(read["time"].get<std::int64_t>(), zone) + rules_part(read["rules_version"]);
  } else {
    line += " · checked " + minute_in(s["last_checked"].get<std::int64_t>(), zone) + ", read by untrain" +
            rules_part(s["rules_version"]);
  }
  if (!s["nudge"]["snoozed_until"].is_null()) {
    line += " · reminders snoozed until " + minute_in(s["nudge"]["snoozed_until"].get<std::int64_t>(), zone);
  }
  if (s["nudge"]["dismissed"] == true) line += " · reminders dismissed";
  return line;
}

std::string form_line(const PlatformRules& rules, const nlohmann::json& f) {
  std::string id = f["form"].get<std::string>();
  const FormRule* rule = rules.find_form(id);
  return terminal_safe(rule ? rule->title : id) + ": " +
         (f["sent_on"].is_null() ? std::string("not marked as sent")
                                 : "sent on " + terminal_safe(f["sent_on"].get<std::string>()));
}

}  // namespace untrain
