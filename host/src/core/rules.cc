#include "core/rules.h"

#include <nlohmann/json.hpp>

#include "core/embedded.h"
#include "core/error.h"

namespace untrain {

RulesDocument::RulesDocument(std::string text, nlohmann::json parsed) : text_(std::move(text)) {
  std::call_once(parsed_once_, [&] { parsed_ = std::move(parsed); });
}

const nlohmann::json& RulesDocument::json() const {
  std::call_once(parsed_once_, [&] { parsed_ = nlohmann::json::parse(text_); });
  return parsed_;
}

const SettingRule* PlatformRules::find(std::string_view setting) const {
  for (const auto& rule : settings) {
    if (rule.id == setting) return &rule;
  }
  return nullptr;
}

const FormRule* PlatformRules::find_form(std::string_view form) const {
  for (const auto& rule : forms) {
    if (rule.id == form) return &rule;
  }
  return nullptr;
}

PlatformRules parse_rules(std::string_view json_text) {
  try {
    auto doc = nlohmann::json::parse(json_text);
    PlatformRules rules;
    rules.platform = doc.at("platform").get<std::string>();
    rules.version = doc.at("version").get<std::string>();
    rules.origin = doc.at("origin").get<std::string>();
    for (const auto& s : doc.at("settings")) {
      SettingRule rule;
      rule.id = s.at("id").get<std::string>();
      rule.title = s.at("title").get<std::string>();
      rule.page = s.at("page").get<std::string>();
      rule.short_title = s.value("short_title", "");
      rule.private_value = s.at("private_value").get<bool>();
      rule.default_value = s.at("default_value").get<bool>();
      rule.banner = s.value("banner", false);
      rule.severity = s.value("severity", "");
      rule.forms = s.value("forms", std::vector<std::string>{});
      rules.settings.push_back(std::move(rule));
    }
    for (const auto& f : doc.value("forms", nlohmann::json::array())) {
      rules.forms.push_back(FormRule{f.at("id").get<std::string>(), f.at("title").get<std::string>(),
                                     f.at("url").get<std::string>(), f.at("settings").get<std::vector<std::string>>()});
    }
    rules.source = std::make_shared<const RulesDocument>(std::string(json_text), std::move(doc));
    return rules;
  } catch (const nlohmann::json::exception& e) {
    throw Error(Code::internal, std::string("rules file is invalid: ") + e.what());
  }
}

const std::vector<PlatformRules>& builtin_rules() {
  static const std::vector<PlatformRules> rules = embedded::compiled_rules();
  return rules;
}

const PlatformRules* find_platform(std::string_view platform) {
  for (const auto& rules : builtin_rules()) {
    if (rules.platform == platform) return &rules;
  }
  return nullptr;
}

}  // namespace untrain
