// `untrain status` and `untrain log` as a person reads them: the summary first, LinkedIn's names, local time unless
// --utc, whose word a value is; a header, filters, nudges only with --all, and an empty log that says so.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "run.h"

namespace {
constexpr std::int64_t kNov29 = 1795946400000;  // 2026-11-29T10:00:00Z, 11:00 in Berlin
constexpr std::int64_t kHour = 3'600'000;
const std::map<std::string, std::string> kBerlin = {{"TZ", "Europe/Berlin"}};

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> all;
  std::size_t at = 0;
  while (at < text.size()) {
    auto end = text.find('\n', at);
    all.push_back(text.substr(at, end - at));
    at = end == std::string::npos ? text.size() : end + 1;
  }
  return all;
}
}  // namespace

TEST_CASE("status prints a one-line summary first: AI training's state since when, and what was never checked",
          "[cli][status]") {
  Member member;
  member.observes("ai-training", true, kNov29 - 48 * kHour);
  member.observes("ai-training", false, kNov29);
  auto run = member.untrain({"status"}, kBerlin);
  CHECK(run.status == 0);
  auto printed = lines(run.out);
  REQUIRE_FALSE(printed.empty());
  CHECK(printed[0] == "AI training: Off since 29 Nov 2026 · 12 of 13 settings never checked");
}

TEST_CASE("status names each setting as LinkedIn shows it, with state, verdict and the last check in local time",
          "[cli][status]") {
  Member member;
  member.observes("ai-training", false, kNov29);
  auto run = member.untrain({"status"}, kBerlin);
  CHECK_THAT(run.out, Catch::Contains("Data for Generative AI Improvement [ai-training]: Off (off) · checked "
                                      "2026-11-29 11:00 CET, read by untrain, rules 2026-11-28\n"));
  CHECK_THAT(member.untrain({"status", "--utc"}, kBerlin).out,
             Catch::Contains("[ai-training]: Off (off) · checked 2026-11-29 10:00 UTC, read by untrain"));
}

TEST_CASE("status says when a value is the member's report rather than untrain's reading", "[cli][status]") {
  Member member;
  member.observes("research", false, kNov29, "jane-doe", "member-reported");
  auto run = member.untrain({"status", "--utc"});
  CHECK_THAT(run.out, Catch::Contains("[research]: Off (off-reported) · reported by you 2026-11-29 10:00 UTC, not "
                                      "read by untrain · untrain has never read it"));
}

TEST_CASE("status --json keeps its shape: one object per platform with its settings and forms", "[cli][status]") {
  Member member;
  member.observes("ai-training", false, kNov29);
  auto run = member.untrain({"status", "--json"});
  CHECK(run.status == 0);
  auto all = nlohmann::json::parse(run.out);
  REQUIRE(all.is_array());
  REQUIRE(all.size() == 1);
  CHECK(all[0]["platform"] == "linkedin");
  const auto& ai = all[0]["settings"][0];
  CHECK(ai["setting"] == "ai-training");
  CHECK(ai["verdict"] == "off");
  CHECK(ai["value"] == false);
  CHECK(ai["last_checked"] == kNov29);
  for (const char* key :
       {"account", "first_seen", "last_changed", "source", "rules_version", "verified", "last_verified", "nudge"}) {
    CHECK(ai.contains(key));
  }
  CHECK(all[0]["forms"].is_array());
  CHECK(run.out.find('\x1b') == std::string::npos);
}

TEST_CASE("an empty log says so", "[cli][log]") {
  Member member;
  auto run = member.untrain({"log"});
  CHECK(run.status == 0);
  CHECK_THAT(run.out, Catch::StartsWith("no events yet"));
}

TEST_CASE("log prints a header line, then one line per event in local time", "[cli][log]") {
  Member member;
  member.observes("ai-training", false, kNov29);
  auto printed = lines(member.untrain({"log"}, kBerlin).out);
  REQUIRE(printed.size() == 3);
  CHECK_THAT(printed[0], Catch::StartsWith("seq   time (local)"));
  CHECK_THAT(printed[1], Catch::StartsWith("1     2026-11-29 11:00:00 CET "));
  CHECK(printed[2] == "1 event");
  CHECK_THAT(lines(member.untrain({"log", "--utc"}, kBerlin).out)[1],
             Catch::StartsWith("1     2026-11-29 10:00:00 UTC "));
}

TEST_CASE("log hides nudges unless --all, and says how many it hid", "[cli][log]") {
  Member member;
  member.observes("ai-training", true, kNov29);
  member.is_nudged("ai-training", kNov29 + 1000);
  member.is_nudged("ai-training", kNov29 + 2000);
  auto hidden = member.untrain({"log"});
  CHECK(hidden.out.find("nudge shown") == std::string::npos);
  CHECK_THAT(hidden.out, Catch::EndsWith("1 event (2 nudges not shown: --all shows them)\n"));
  auto all = member.untrain({"log", "--all"});
  CHECK_THAT(all.out, Catch::Contains("nudge shown"));
  CHECK_THAT(all.out, Catch::EndsWith("3 events\n"));
  CHECK(nlohmann::json::parse(member.untrain({"log", "--json"}).out).size() == 3);  // --json: the record, whole
}

TEST_CASE("log filters by --setting, --kind, --since, --until and --account", "[cli][log]") {
  Member member;
  member.observes("ai-training", true, kNov29 - 48 * kHour);
  member.observes("research", false, kNov29, "jane-doe");
  member.observes("ai-training", false, kNov29 + kHour, "john-roe");
  member.is_nudged("ai-training", kNov29 + 2 * kHour);
  auto count = [&](std::vector<std::string> args) {
    args.insert(args.begin(), "log");
    args.push_back("--json");
    auto run = member.untrain(args);
    INFO(run.err);
    REQUIRE(run.status == 0);
    return nlohmann::json::parse(run.out).size();
  };
  CHECK(count({"--setting", "research"}) == 1);
  CHECK(count({"--kind", "nudge"}) == 1);
  CHECK(count({"--kind", "observation"}) == 3);
  CHECK(count({"--since", "2026-11-29"}) == 3);
  CHECK(count({"--until", "2026-11-28"}) == 1);
  CHECK(count({"--account", "john-roe"}) == 1);
  CHECK_THAT(member.untrain({"log", "--setting", "research"}).out, Catch::EndsWith("1 event\n"));
}

TEST_CASE("a log filter that names no kind or setting exits 2 and suggests the nearest", "[cli][log]") {
  Member member;
  auto run = member.untrain({"log", "--kind", "nudges"});
  CHECK(run.status == 2);
  CHECK_THAT(run.err, Catch::Contains("did you mean `nudge`?"));
  CHECK(member.untrain({"log", "--setting", "ai-trainig"}).status == 2);
}
