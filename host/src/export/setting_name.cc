#include "export/setting_name.h"

#include <algorithm>

#include "core/embedded.h"
#include "core/enum_names.h"

namespace untrain {
namespace {

// The key the extension's i18n.keyOf() gives a rule's text: "ai-training", "title" → "rule_ai_training_title".
std::string translation_key(const std::string& id, const char* part) {
  std::string key = "rule_" + id + "_" + part;
  std::replace(key.begin(), key.end(), '-', '_');
  return key;
}

std::string translated(const std::string& english, const std::string& id, const char* part, Lang lang) {
  if (lang == Lang::en) return english;
  auto text = embedded::rule_translation(to_string(lang), translation_key(id, part));
  return text.empty() ? english : std::string(text);
}

}  // namespace

std::string setting_title(const SettingRule* rule, const std::string& id, Lang lang) {
  return rule ? translated(rule->title, rule->id, "title", lang) : id;
}

std::string setting_short_title(const SettingRule* rule, const std::string& id, Lang lang) {
  if (!rule || rule->short_title.empty()) return setting_title(rule, id, lang);
  return translated(rule->short_title, rule->id, "short_title", lang);
}

}  // namespace untrain
