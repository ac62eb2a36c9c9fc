#include "rules.h"

#include <catch2/catch.hpp>
#include <set>

#include "error.h"

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
