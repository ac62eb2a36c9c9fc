// Times as a person reads them: in the local zone with its abbreviation, or in UTC when asked.
#include "core/local_time.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <ctime>

using namespace untrain;

namespace {
// Sets TZ for the test's duration.
struct TimeZone {
  explicit TimeZone(const char* zone) {
    ::setenv("TZ", zone, 1);
    ::tzset();
  }
  ~TimeZone() {
    ::unsetenv("TZ");
    ::tzset();
  }
};
constexpr std::int64_t k29Nov2026_1000Z = 1795946400000;  // 2026-11-29T10:00:00Z
}  // namespace

TEST_CASE("local time is shown in the member's zone, with its abbreviation", "[time]") {
  TimeZone berlin("Europe/Berlin");
  CHECK(minute_in(k29Nov2026_1000Z, Zone::local) == "2026-11-29 11:00 CET");
  CHECK(second_in(k29Nov2026_1000Z + 5000, Zone::local) == "2026-11-29 11:00:05 CET");
}

TEST_CASE("UTC is shown as UTC whatever the member's zone", "[time]") {
  TimeZone tokyo("Asia/Tokyo");
  CHECK(minute_in(k29Nov2026_1000Z, Zone::utc) == "2026-11-29 10:00 UTC");
  CHECK(day_in(k29Nov2026_1000Z + 15 * 3600 * 1000LL, Zone::utc) == "30 Nov 2026");
  CHECK(day_in(k29Nov2026_1000Z + 15 * 3600 * 1000LL, Zone::local) == "30 Nov 2026");
}

TEST_CASE("the day is the day in the zone shown", "[time]") {
  TimeZone tokyo("Asia/Tokyo");  // UTC+9: 23:00Z on the 28th is 08:00 on the 29th in Tokyo
  CHECK(day_in(k29Nov2026_1000Z - 10 * 3600 * 1000LL, Zone::local) == "29 Nov 2026");
  CHECK(day_in(k29Nov2026_1000Z - 10 * 3600 * 1000LL, Zone::utc) == "29 Nov 2026");
  CHECK(day_in(k29Nov2026_1000Z - 11 * 3600 * 1000LL, Zone::utc) == "28 Nov 2026");
  CHECK(day_in(k29Nov2026_1000Z - 11 * 3600 * 1000LL, Zone::local) == "29 Nov 2026");
}
