// Times as a person reads them on their own computer: in the local time zone (TZ, else /etc/localtime) with the
// zone's abbreviation, or in UTC when asked. Formatting only; the trail itself keeps UTC milliseconds.
#pragma once

#include <cstdint>
#include <string>

namespace untrain {

enum class Zone { local, utc };

// "2026-11-29 11:00 CET" (local) or "2026-11-29 10:00 UTC".
std::string minute_in(std::int64_t ms, Zone zone);
// "2026-11-29 11:00:05 CET" (local) or "2026-11-29 10:00:05 UTC".
std::string second_in(std::int64_t ms, Zone zone);
// "29 Nov 2026", the day in that zone.
std::string day_in(std::int64_t ms, Zone zone);

}  // namespace untrain
