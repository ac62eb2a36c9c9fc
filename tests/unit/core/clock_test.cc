#include "core/clock.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <ctime>
#include <string>

using namespace untrain;

namespace {

// Sets TZ for one test and puts back what was there.
class TimeZone {
 public:
  explicit TimeZone(const char* zone) {
    if (const char* old = std::getenv("TZ")) old_ = old;
    setenv("TZ", zone, 1);
    tzset();
  }
  ~TimeZone() {
    if (old_.empty()) unsetenv("TZ");
    else setenv("TZ", old_.c_str(), 1);
    tzset();
  }

 private:
  std::string old_;
};

constexpr std::int64_t kDay = 86'400'000;
constexpr std::int64_t k29Nov2026 = 20'786;  // days from 1970-01-01 to 2026-11-29

}  // namespace

TEST_CASE("the local day is the member's calendar day, not UTC's", "[clock]") {
  const std::int64_t utc_midnight = k29Nov2026 * kDay;
  {
    TimeZone zone("UTC0");
    CHECK(local_day(utc_midnight) == k29Nov2026);
    CHECK(local_day(utc_midnight - 1) == k29Nov2026 - 1);
  }
  {
    TimeZone zone("CET-1");  // an hour ahead of UTC: 23:30 UTC is already the next day
    CHECK(local_day(utc_midnight - 30 * 60 * 1000) == k29Nov2026);
    CHECK(local_day(utc_midnight - 61 * 60 * 1000) == k29Nov2026 - 1);
  }
  {
    TimeZone zone("EST5");  // five hours behind: 03:00 UTC is still the day before
    CHECK(local_day(utc_midnight + 3 * 3600 * 1000) == k29Nov2026 - 1);
    CHECK(local_day(utc_midnight + 5 * 3600 * 1000) == k29Nov2026);
  }
}
