// What `untrain status` prints for people: the summary first, then each setting under LinkedIn's name with its
// state, verdict, when it was checked (local time, or UTC) and whose word it is, then the forms.
#include "cli/status_text.h"

#include <catch2/catch.hpp>

#include "core/rules.h"
#include "trail/status_view.h"

using namespace untrain;

namespace {

constexpr std::int64_t kNov29 = 1795946400000;  // 2026-11-29T10:00:00Z
constexpr std::int64_t kDay = 86'400'000;

SettingState state(const std::string& setting, bool value, std::int64_t checked,
                   const std::string& source = "page-load") {
  SettingState s;
  s.platform = "linkedin";
  s.account = "jane-doe";
  s.setting = setting;
  s.value = value;
  s.first_value = true;
  s.first_seen = checked - 10 * kDay;
  s.last_checked = checked;
  s.last_changed = checked - kDay;
  s.source = source;
  s.rules_version = "2026-11-28";
  s.recorded = checked;
  if (source != "member-reported") s.last_verified = VerifiedReading{value, checked, "2026-11-28"};
  return s;
}

const PlatformRules& linkedin() { return *find_platform("linkedin"); }

nlohmann::json view(const std::vector<SettingState>& states) {
  return status_view(linkedin(), states, {}, {}, std::nullopt, kNov29 + kDay);
}

const nlohmann::json& setting_of(const nlohmann::json& v, const std::string& id) {
  for (const auto& s : v["settings"]) {
    if (s["setting"] == id) return s;
  }
  throw std::runtime_error("no " + id);
}

}  // namespace

TEST_CASE("the summary says AI training's state, since when, and how many settings were never checked",
          "[cli][status]") {
  auto v = view({state("ai-training", false, kNov29), state("research", false, kNov29)});
  std::size_t all = linkedin().settings.size();
  CHECK(status_summary(linkedin(), v, Zone::utc, Palette(false)) ==
        "AI training: Off since 28 Nov 2026 · " + std::to_string(all - 2) + " of " + std::to_string(all) +
            " settings never checked");
}

TEST_CASE("the summary of an empty trail says AI training was not checked yet", "[cli][status]") {
  auto v = view({});
  std::size_t all = linkedin().settings.size();
  CHECK(status_summary(linkedin(), v, Zone::utc, Palette(false)) ==
        "AI training: not checked yet · " + std::to_string(all) + " of " + std::to_string(all) +
            " settings never checked");
}

TEST_CASE("a setting's line names it as LinkedIn does, with its state, verdict and when untrain read it",
          "[cli][status]") {
  auto v = view({state("ai-training", false, kNov29)});
  CHECK(setting_line(linkedin(), setting_of(v, "ai-training"), Zone::utc, Palette(false)) ==
        "Data for Generative AI Improvement [ai-training]: Off (off) · checked 2026-11-29 10:00 UTC, read by "
        "untrain, rules 2026-11-28");
}

TEST_CASE("a value the member reported says so, and what untrain last read itself", "[cli][status]") {
  auto reported = state("ai-training", false, kNov29, "member-reported");
  reported.last_verified = VerifiedReading{true, kNov29 - 5 * kDay, "2026-11-28"};
  auto v = view({reported});
  CHECK(setting_line(linkedin(), setting_of(v, "ai-training"), Zone::utc, Palette(false)) ==
        "Data for Generative AI Improvement [ai-training]: Off (off-reported) · reported by you 2026-11-29 10:00 UTC, "
        "not read by untrain · untrain last read it On on 2026-11-24 10:00 UTC, rules 2026-11-28");
}

TEST_CASE("a setting never checked says so", "[cli][status]") {
  auto v = view({});
  CHECK_THAT(setting_line(linkedin(), setting_of(v, "ai-training"), Zone::utc, Palette(false)),
             Catch::EndsWith(": unknown (unknown) · never checked"));
}

TEST_CASE("a form's line names it and the day it was marked sent", "[cli][status]") {
  auto v = view({});
  REQUIRE_FALSE(v["forms"].empty());
  CHECK_THAT(form_line(linkedin(), v["forms"][0]), Catch::EndsWith(": not marked as sent"));
}

TEST_CASE("on a terminal the state is coloured by its verdict, and without colour there is no escape code",
          "[cli][status]") {
  auto v = view({state("ai-training", true, kNov29)});
  auto coloured = setting_line(linkedin(), setting_of(v, "ai-training"), Zone::utc, Palette(true));
  CHECK_THAT(coloured, Catch::Contains("\x1b[31mOn (on"));
  auto plain = setting_line(linkedin(), setting_of(v, "ai-training"), Zone::utc, Palette(false));
  CHECK(plain.find('\x1b') == std::string::npos);
}
