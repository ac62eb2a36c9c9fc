#include "core/rules.h"

#include <catch2/catch.hpp>
#include <set>

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
  CHECK(linkedin->document.at("settings").size() == linkedin->settings.size());
}

TEST_CASE("a rules file without forms has none", "[rules]") {
  auto rules = parse_rules(R"({"platform":"x","version":"1","origin":"https://x","settings":[]})");
  CHECK(rules.forms.empty());
  CHECK(rules.document.at("platform") == "x");
}
