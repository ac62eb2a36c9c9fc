// The settings untrain knows, read from extension/rules/*.json (embedded into the host at build
// time, so the extension and the host share one description of every setting).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace untrain {

struct SettingRule {
  std::string id;
  std::string title;
  std::string short_title;  // how a summary names it ("AI training"); may be empty
  std::string page;         // path on the platform's origin
  bool private_value = false;
  bool default_value = true;
  bool banner = false;             // whether this setting alone is enough to show the banner
  std::string severity;            // high | medium | low
  std::vector<std::string> forms;  // ids of the forms that complete opting out of it
};

// A step the member takes by hand, such as LinkedIn's Data Processing Objection Form.
struct FormRule {
  std::string id;
  std::string title;
  std::string url;
  std::vector<std::string> settings;
};

struct PlatformRules {
  std::string platform;
  std::string version;
  std::string origin;
  std::vector<SettingRule> settings;
  std::vector<FormRule> forms;
  nlohmann::json document;  // the whole file, for the `rules` request

  const SettingRule* find(std::string_view setting) const;
  const FormRule* find_form(std::string_view form) const;
};

// Throws Error(internal) naming what is wrong; the embedded files are checked by a test.
PlatformRules parse_rules(std::string_view json_text);

// Every platform's rules, parsed once from the embedded files.
const std::vector<PlatformRules>& builtin_rules();
const PlatformRules* find_platform(std::string_view platform);

}  // namespace untrain
