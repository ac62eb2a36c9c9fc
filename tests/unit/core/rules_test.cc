#include "core/rules.h"

#include <catch2/catch.hpp>
#include <set>

#include "core/embedded.h"
#include "core/error.h"

using namespace untrain;

TEST_CASE("the embedded LinkedIn rules describe the AI-training setting", "[rules]") {
  const PlatformRules* linkedin = find_platform("linkedin");
  REQUIRE(linkedin);
  CHECK(linkedin->origin == "https://www.linkedin.com");
  CHECK_FALSE(linkedin->version.empty());
  const SettingRule* ai = linkedin->find("ai-training");
  REQUIRE(ai);
  CHECK(ai->page == "/mypreferences/d/settings/data-for-ai-improvement");
  CHECK(ai->private_value == false);
  CHECK(ai->default_value == true);
  CHECK(ai->banner);
}

TEST_CASE("setting ids in the rules are unique", "[rules]") {
  for (const auto& rules : builtin_rules()) {
    std::set<std::string> ids;
    for (const auto& s : rules.settings) CHECK(ids.insert(s.id).second);
  }
}

TEST_CASE("a rules file missing a field is refused", "[rules]") {
  CHECK_THROWS_AS(parse_rules(R"({"platform":"x","version":"1","origin":"https://x","settings":[{"id":"a"}]})"), Error);
  CHECK_THROWS_AS(parse_rules("not json"), Error);
}

TEST_CASE("the embedded LinkedIn rules carry the objection form and the data-sharing settings", "[rules]") {
  const PlatformRules* linkedin = find_platform("linkedin");
  REQUIRE(linkedin);
  const FormRule* form = linkedin->find_form("objection-form");
  REQUIRE(form);
  CHECK(form->url == "https://www.linkedin.com/help/linkedin/ask/TS-DPRO");
  CHECK(form->settings == std::vector<std::string>{"ai-training"});
  CHECK(linkedin->find("ai-training")->forms == std::vector<std::string>{"objection-form"});
  CHECK(linkedin->find("ai-training")->severity == "high");
  CHECK(linkedin->find_form("no-such-form") == nullptr);
  CHECK(linkedin->settings.size() >= 7);
  for (const auto& s : linkedin->settings) {
    INFO(s.id);
    CHECK_FALSE(s.severity.empty());
    CHECK(s.page.rfind("/mypreferences/", 0) == 0);
  }
  CHECK(linkedin->document().at("settings").size() == linkedin->settings.size());
}

TEST_CASE("a rules file without forms has none", "[rules]") {
  auto rules = parse_rules(R"({"platform":"x","version":"1","origin":"https://x","settings":[]})");
  CHECK(rules.forms.empty());
  CHECK(rules.document().at("platform") == "x");
}

TEST_CASE("the rules compiled in at build time are what parse_rules reads from the very same files", "[rules]") {
  const auto& compiled = builtin_rules();
  const auto& files = embedded::rules_files();
  REQUIRE(compiled.size() == files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    PlatformRules parsed = parse_rules(files[i]);
    const PlatformRules& built = compiled[i];
    INFO(parsed.platform);
    CHECK(built.platform == parsed.platform);
    CHECK(built.version == parsed.version);
    CHECK(built.origin == parsed.origin);
    REQUIRE(built.settings.size() == parsed.settings.size());
    for (std::size_t s = 0; s < parsed.settings.size(); ++s) {
      const SettingRule &a = built.settings[s], &b = parsed.settings[s];
      INFO(b.id);
      CHECK(a.id == b.id);
      CHECK(a.title == b.title);
      CHECK(a.short_title == b.short_title);
      CHECK(a.page == b.page);
      CHECK(a.private_value == b.private_value);
      CHECK(a.default_value == b.default_value);
      CHECK(a.banner == b.banner);
      CHECK(a.severity == b.severity);
      CHECK(a.forms == b.forms);
    }
    REQUIRE(built.forms.size() == parsed.forms.size());
    for (std::size_t f = 0; f < parsed.forms.size(); ++f) {
      CHECK(built.forms[f].id == parsed.forms[f].id);
      CHECK(built.forms[f].title == parsed.forms[f].title);
      CHECK(built.forms[f].url == parsed.forms[f].url);
      CHECK(built.forms[f].settings == parsed.forms[f].settings);
    }
    CHECK(built.document() == parsed.document());
  }
}
