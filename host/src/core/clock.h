// The wall clock in milliseconds since the epoch (UTC), and the ISO 8601 text people read.
#pragma once

#include <cstdint>
#include <string>

namespace untrain {

std::int64_t now_ms();

// Sums and differences of times that saturate at the ends of int64 instead of overflowing: stored times come from
// files anyone can edit, and an edited time must give a wrong answer at worst, never undefined behaviour.
std::int64_t add_ms(std::int64_t a, std::int64_t b);
std::int64_t sub_ms(std::int64_t a, std::int64_t b);

// The calendar day `ms` falls on where this computer is (its time zone, TZ), as a day number (days since
// 1970-01-01 in that zone): the "day" of a once-a-day rule is the member's, not UTC's.
std::int64_t local_day(std::int64_t ms);

// "2026-11-28T23:31:49.123Z"
std::string format_utc(std::int64_t ms);

// A moment people type: "2026-03-02" (a whole day) or ISO 8601 in UTC, "2026-03-02T14:03Z",
// "2026-03-02T14:03:05Z", "2026-03-02T14:03:05.123Z" ("+00:00" may stand for "Z").
struct UtcText {
  std::int64_t ms = 0;     // the start of the day, or the moment
  bool whole_day = false;  // only a date was given
};
// Throws Error(usage) naming the text when it is not one of those forms.
UtcText parse_utc(const std::string& text);

// Bounds of a range typed by a person, as [since, until) in ms: --since DAY starts at the day's
// first millisecond; --until DAY includes the whole day; --until MOMENT includes that moment.
std::int64_t since_bound(const std::string& text);
std::int64_t until_bound(const std::string& text);

}  // namespace untrain
