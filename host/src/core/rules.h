// The settings untrain knows, read from extension/rules/*.json (embedded into the host at build
// time, so the extension and the host share one description of every setting).
#pragma once

#include <memory>
#include <mutex>
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

// A rules file's text, parsed into JSON on first use (thread-safe).
class RulesDocument {
 public:
  explicit RulesDocument(std::string text) : text_(std::move(text)) {}
  RulesDocument(std::string text, nlohmann::json parsed);
  const nlohmann::json& json() const;

 private:
  std::string text_;
  mutable std::once_flag parsed_once_;
  mutable nlohmann::json parsed_;
};

struct PlatformRules {
  std::string platform;
  std::string version;
  std::string origin;
  std::vector<SettingRule> settings;
  std::vector<FormRule> forms;
  std::shared_ptr<const RulesDocument> source;

  // The whole file, for the `rules` request, which few connections make: parsed then, not at start.
  const nlohmann::json& document() const { return source->json(); }
  const SettingRule* find(std::string_view setting) const;
  const FormRule* find_form(std::string_view form) const;
};

// Throws Error(internal) naming what is wrong; the embedded files are checked by a test.
PlatformRules parse_rules(std::string_view json_text);

// Every platform's rules, from the embedded files: read at build time into a table (embed.cmake), so that a
// browser connection parses no JSON to know them. tests/unit/core/rules_test.cc holds the table to parse_rules.
const std::vector<PlatformRules>& builtin_rules();
const PlatformRules* find_platform(std::string_view platform);

}  // namespace untrain
