#include "core/clock.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <limits>
#include <regex>

#include "core/error.h"

namespace untrain {

std::int64_t now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::int64_t add_ms(std::int64_t a, std::int64_t b) {
  std::int64_t sum = 0;
  if (!__builtin_add_overflow(a, b, &sum)) return sum;
  return b > 0 ? std::numeric_limits<std::int64_t>::max() : std::numeric_limits<std::int64_t>::min();
}

std::int64_t sub_ms(std::int64_t a, std::int64_t b) {
  std::int64_t difference = 0;
  if (!__builtin_sub_overflow(a, b, &difference)) return difference;
  return b < 0 ? std::numeric_limits<std::int64_t>::max() : std::numeric_limits<std::int64_t>::min();
}

std::int64_t local_day(std::int64_t ms) {
  constexpr std::int64_t kDayMs = 86'400'000;
  std::time_t seconds = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  if (!localtime_r(&seconds, &tm)) return ms / kDayMs;  // a time localtime cannot take: UTC's day
  // The zone's offset, from the local calendar time itself rather than tm_gmtoff, which Windows' C runtime lacks.
  using namespace std::chrono;
  year_month_day date{year{tm.tm_year + 1900}, month{static_cast<unsigned>(tm.tm_mon + 1)},
                      day{static_cast<unsigned>(tm.tm_mday)}};
  std::int64_t local_seconds =
      sys_days{date}.time_since_epoch().count() * 86'400LL + tm.tm_hour * 3600LL + tm.tm_min * 60LL + tm.tm_sec;
  std::int64_t offset = local_seconds - static_cast<std::int64_t>(seconds);
  std::int64_t local = add_ms(ms, offset * 1000);
  return local >= 0 ? local / kDayMs : (local - kDayMs + 1) / kDayMs;
}

std::string format_utc(std::int64_t ms) {
  std::time_t seconds = static_cast<std::time_t>(ms / 1000);
  int millis = static_cast<int>(ms % 1000);
  if (millis < 0) {
    millis += 1000;
    seconds -= 1;
  }
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char text[64];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec, millis);
  return text;
}

UtcText parse_utc(const std::string& text) {
  static const std::regex form(
      R"((\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|\+00:00))?)");
  std::smatch m;
  auto bad = [&] {
    return Error(Outcome::usage,
                 "'" + text + "' is not a date (YYYY-MM-DD) or a UTC time (YYYY-MM-DDTHH:MM[:SS[.mmm]]Z)");
  };
  if (!std::regex_match(text, m, form)) throw bad();
  using namespace std::chrono;
  year_month_day day{year{std::stoi(m[1])}, month{static_cast<unsigned>(std::stoi(m[2]))},
                     std::chrono::day{static_cast<unsigned>(std::stoi(m[3]))}};
  if (!day.ok()) throw bad();
  std::int64_t ms = duration_cast<milliseconds>(sys_days{day}.time_since_epoch()).count();
  if (!m[4].matched) return {ms, true};
  int hours = std::stoi(m[4]), minutes = std::stoi(m[5]), seconds = m[6].matched ? std::stoi(m[6]) : 0;
  if (hours > 23 || minutes > 59 || seconds > 59) throw bad();
  std::string fraction = m[7].matched ? m[7].str() : "0";
  fraction.resize(3, '0');  // ".5" is 500 ms
  ms += ((hours * 60 + minutes) * 60 + seconds) * 1000LL + std::stoi(fraction);
  return {ms, false};
}

std::int64_t since_bound(const std::string& text) { return parse_utc(text).ms; }

std::int64_t until_bound(const std::string& text) {
  UtcText t = parse_utc(text);
  return t.whole_day ? t.ms + 86'400'000 : t.ms + 1;
}

}  // namespace untrain
