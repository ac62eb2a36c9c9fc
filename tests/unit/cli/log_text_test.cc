// What `untrain log` lists: a header line, the member's filters, nudges only with --all, local time or UTC, and an
// empty listing that says what it means.
#include "cli/log_text.h"

#include <catch2/catch.hpp>

#include "core/error.h"

using namespace untrain;

namespace {

Event event(const std::string& kind, const std::string& setting) {
  Event e;
  e.seq = 7;
  e.time = 1795946400000;  // 2026-11-29T10:00:00Z
  e.kind = kind;
  e.action = kind == "nudge" ? "shown" : "first";
  e.source = kind == "nudge" ? "banner" : "page-load";
  e.platform = "linkedin";
  e.account = "jane-doe";
  e.setting = setting;
  if (kind == "observation") e.value = false;
  return e;
}

bool shows(const Event& e, const LogFilter& f) {
  bool hidden = false;
  return log_shows(e, f, hidden);
}

Outcome refusal(const LogFilter& f) {
  try {
    check_log_filter(f);
  } catch (const Error& e) {
    return e.outcome();
  }
  return Outcome::ok;
}

}  // namespace

TEST_CASE("nudges are hidden unless --all, and counted as hidden", "[cli][log]") {
  LogFilter f;
  bool hidden = false;
  CHECK_FALSE(log_shows(event("nudge", "ai-training"), f, hidden));
  CHECK(hidden);
  CHECK(log_shows(event("observation", "ai-training"), f, hidden));
  CHECK_FALSE(hidden);
  f.all = true;
  CHECK(shows(event("nudge", "ai-training"), f));
}

TEST_CASE("the --setting and --kind filters select events, and --kind nudge shows nudges without --all", "[cli][log]") {
  LogFilter f;
  f.setting = "research";
  CHECK_FALSE(shows(event("observation", "ai-training"), f));
  CHECK(shows(event("observation", "research"), f));
  LogFilter k;
  k.kind = "nudge";
  CHECK(shows(event("nudge", "ai-training"), k));
  CHECK_FALSE(shows(event("observation", "ai-training"), k));
}

TEST_CASE("an unknown --kind or --setting is a wrong command line, with the nearest suggested", "[cli][log]") {
  LogFilter f;
  f.kind = "nudges";
  CHECK(refusal(f) == Outcome::usage);
  try {
    check_log_filter(f);
  } catch (const Error& e) {
    CHECK_THAT(e.what(), Catch::Contains("did you mean `nudge`?"));
  }
  LogFilter s;
  s.setting = "ai-trainig";
  CHECK(refusal(s) == Outcome::usage);
  s.setting = "ai-training";
  CHECK(refusal(s) == Outcome::ok);
}

TEST_CASE("each line shows the time in the zone asked for, and the header says which", "[cli][log]") {
  auto line = log_line(event("observation", "ai-training"), Zone::utc, Palette(false));
  CHECK_THAT(line, Catch::StartsWith("7     2026-11-29 10:00:00 UTC "));
  CHECK_THAT(line, Catch::Contains("observation first"));
  CHECK_THAT(line, Catch::EndsWith("jane-doe"));
  CHECK_THAT(log_header(Zone::utc), Catch::Contains("time (UTC)"));
  CHECK_THAT(log_header(Zone::local), Catch::Contains("time (local)"));
  CHECK_THAT(log_header(Zone::utc), Catch::StartsWith("seq"));
}

TEST_CASE("an empty log says so, and a filtered listing that selects nothing says nothing matched", "[cli][log]") {
  CHECK_THAT(log_footer(0, 0, LogFilter{}), Catch::StartsWith("no events yet"));
  LogFilter f;
  f.setting = "research";
  CHECK(log_footer(0, 0, f) == "no events match");
  CHECK(log_footer(0, 3, LogFilter{}) == "no events match (3 nudges not shown: --all shows them)");
  CHECK(log_footer(2, 1, LogFilter{}) == "2 events (1 nudge not shown: --all shows them)");
}
