#include "trail/form.h"

#include <catch2/catch.hpp>

using namespace untrain;

TEST_CASE("sent_on must be a day that exists", "[form]") {
  for (auto date : {"2026-11-28", "2024-02-29", "2000-02-29", "1970-01-01", "2026-12-31"}) {
    INFO(date);
    CHECK(is_calendar_date(date));
  }
  for (auto date : {"", "2026-11-28T00:00", "2026-1-28", "2026/11/28", "2026-13-01", "2026-00-10", "2026-11-00",
                    "2026-11-31", "2025-02-29", "1900-02-29", "1969-12-31", "２０２６-11-28", "2026-11-2x"}) {
    INFO(date);
    CHECK_FALSE(is_calendar_date(date));
  }
}

TEST_CASE("a form event is the member's word that they sent it, with the date in detail", "[form]") {
  FormReport f{"linkedin", "jane-doe", "objection-form", "2026-11-28", NudgeSource::popup, "", 1'800'000'000'000};
  Event e = form_event(f);
  CHECK(e.kind == "form");
  CHECK(e.action == "sent");
  CHECK(e.source == "popup");
  CHECK(e.account == "jane-doe");
  CHECK(e.setting.empty());
  CHECK(e.url.empty());
  CHECK_FALSE(e.value.has_value());
  CHECK(e.detail == R"({"form":"objection-form","sent_on":"2026-11-28"})");
}
