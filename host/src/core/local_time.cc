// Local and UTC times as people read them (local_time.h).
#include "core/local_time.h"

#include <ctime>

namespace untrain {
namespace {

std::string format(std::int64_t ms, Zone zone, const char* pattern) {
  // Floor division: a time before 1970 still falls in the right second.
  std::time_t seconds = static_cast<std::time_t>(ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000));
  std::tm parts{};
  bool ok = zone == Zone::utc ? ::gmtime_r(&seconds, &parts) != nullptr : ::localtime_r(&seconds, &parts) != nullptr;
  if (!ok) return "(a time out of range: " + std::to_string(ms) + " ms)";
  char text[96];
  std::size_t length = std::strftime(text, sizeof text, pattern, &parts);
  return std::string(text, length);
}

}  // namespace

std::string minute_in(std::int64_t ms, Zone zone) {
  return format(ms, zone, zone == Zone::utc ? "%Y-%m-%d %H:%M UTC" : "%Y-%m-%d %H:%M %Z");
}

std::string second_in(std::int64_t ms, Zone zone) {
  return format(ms, zone, zone == Zone::utc ? "%Y-%m-%d %H:%M:%S UTC" : "%Y-%m-%d %H:%M:%S %Z");
}

std::string day_in(std::int64_t ms, Zone zone) { return format(ms, zone, "%d %b %Y"); }

}  // namespace untrain
