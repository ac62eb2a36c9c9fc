// The report names each setting in its own language, with the words the extension uses for it: its _locales.
#include "export/setting_name.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/rules.h"

using namespace untrain;

namespace {

const SettingRule& linkedin_setting(const std::string& id) {
  for (const auto& rules : builtin_rules())
    for (const auto& setting : rules.settings)
      if (setting.id == id) return setting;
  FAIL("no rule " << id);
  throw;
}

nlohmann::json messages(const std::string& lang) {
  std::ifstream in(std::string(UNTRAIN_LOCALES_DIR) + "/" + lang + "/messages.json");
  return nlohmann::json::parse(in);
}

}  // namespace

TEST_CASE("the report names a setting in its language, with the extension's own translation", "[export][html]") {
  const SettingRule& ai = linkedin_setting("ai-training");
  CHECK(setting_title(&ai, ai.id, Lang::en) == "Data for Generative AI Improvement");
  CHECK(setting_title(&ai, ai.id, Lang::de) == "Daten zur Verbesserung generativer KI");
  CHECK(setting_short_title(&ai, ai.id, Lang::en) == "AI training");
  CHECK(setting_short_title(&ai, ai.id, Lang::de) == "KI-Training");
  CHECK(setting_short_title(&ai, ai.id, Lang::fr) == "Entraînement de l’IA");
  CHECK(setting_short_title(&ai, ai.id, Lang::es) == "Entrenamiento de IA");
}

TEST_CASE("a setting without a short title is named by its title, and one no rule names by its id", "[export][html]") {
  const SettingRule& age = linkedin_setting("ads-by-age");
  REQUIRE(age.short_title.empty());
  CHECK(setting_short_title(&age, age.id, Lang::de) == setting_title(&age, age.id, Lang::de));
  CHECK(setting_short_title(nullptr, "some-new-setting", Lang::fr) == "some-new-setting");
  CHECK(setting_title(nullptr, "some-new-setting", Lang::es) == "some-new-setting");
}

TEST_CASE("every title the extension translates is the one the report writes, in de, fr and es", "[export][html]") {
  for (Lang lang : {Lang::de, Lang::fr, Lang::es}) {
    auto words = messages(std::string(to_string(lang)));
    for (const auto& rules : builtin_rules()) {
      for (const auto& setting : rules.settings) {
        std::string key = "rule_" + setting.id + "_title";
        std::replace(key.begin(), key.end(), '-', '_');
        INFO(to_string(lang) << " " << key);
        REQUIRE(words.contains(key));
        CHECK(setting_title(&setting, setting.id, lang) == words[key]["message"].get<std::string>());
      }
    }
  }
}
