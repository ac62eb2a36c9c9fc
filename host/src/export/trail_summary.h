// What the audit trail says about each setting, in a member's words: the plain-language summary
// and the On/Off/unknown timeline at the top of the HTML report. Pure: events in, text and bands out.
//
// Events are fed oldest first. For every platform, account and setting the summary keeps the first
// and the latest observation, the last change and how it was made, how many checks followed it,
// and "runs": stretches of one value where each observation came within the stale period
// (30 days, as for verdicts) of the one before. Memory grows with the number of runs, that is with
// changes and long silences, not with the number of events. A value is taken to hold from one
// observation until the next, for at most the stale period; outside that it is unknown.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "core/rules.h"
#include "trail/event.h"
#include "trail/verdict.h"

namespace untrain {

struct ValueRun {
  std::int64_t start = 0;  // the first observation of the run
  std::int64_t last = 0;   // the last observation of the run
  bool value = false;
};

struct SettingHistory {
  std::string platform;
  std::string account;  // "" when the pages did not show it
  std::string setting;
  std::int64_t first_seen = 0;
  bool first_value = false;
  std::int64_t last_checked = 0;
  bool value = false;                      // the latest observed value
  std::optional<std::int64_t> changed_at;  // the latest change of value
  std::string changed_by;                  // its source: page-load, user-change or assisted
  std::int64_t checks_since = 0;           // observations after that change (or after first seen)
  std::vector<ValueRun> runs;
};

class TrailSummary {
 public:
  explicit TrailSummary(std::int64_t stale_after_ms = kDefaultStaleAfterMs) : stale_after_ms_(stale_after_ms) {}
  void add(const Event& event);

  std::vector<SettingHistory> settings() const;  // by platform, account, setting
  std::int64_t events() const { return events_; }
  std::optional<std::int64_t> first_time() const { return first_time_; }  // of any event
  std::int64_t stale_after_ms() const { return stale_after_ms_; }

 private:
  std::int64_t stale_after_ms_;
  std::int64_t events_ = 0;
  std::optional<std::int64_t> first_time_;
  std::map<std::tuple<std::string, std::string, std::string>, SettingHistory> settings_;
};

// "AI training: Off since 2026-03-02 14:03 UTC (switched off on the settings page). It was On, by
// default, when first seen on 2026-02-28. Checked 4 times since, Off each time; last checked …".
// `rule` may be null for a setting the rules no longer describe.
std::string summary_text(const SettingHistory& history, const SettingRule* rule, std::int64_t now_ms,
                         std::int64_t stale_after_ms = kDefaultStaleAfterMs);

// One stretch of the timeline; value nullopt is unknown.
struct Band {
  std::int64_t start = 0;
  std::int64_t end = 0;
  std::optional<bool> value;
};

// The timeline of one setting over [from, to): contiguous bands covering the whole range.
std::vector<Band> timeline_bands(const SettingHistory& history, std::int64_t from, std::int64_t to,
                                 std::int64_t stale_after_ms = kDefaultStaleAfterMs);

// "2026-03-02 14:03 UTC" and "2026-03-02", as summaries write times.
std::string minute_text(std::int64_t ms);
std::string day_text(std::int64_t ms);

}  // namespace untrain
