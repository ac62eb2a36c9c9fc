// What the audit trail says about each setting, in a member's words: the plain-language summary
// and the On/Off/unknown timeline at the top of the HTML report. Pure: events in, text and bands out.
//
// Events are fed oldest first. For every platform, account and setting the summary keeps the first
// and the latest observation, the last change and how it was made, how many checks followed it,
// and "runs": stretches of one value where each observation came within the stale period
// (30 days, as for verdicts) of the one before. Memory grows with the number of runs, that is with
// changes and long silences, not with the number of events. A value is taken to hold from one
// observation until the next, for at most the stale period; outside that it is unknown.
//
// A member's report (source member-reported) is their word, not a reading: it is kept in runs of its
// own, never counted as a check, and the text says whose word it is and what untrain last read itself.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "core/rules.h"
#include "export/report_lang.h"
#include "trail/event.h"
#include "trail/setting_state.h"
#include "trail/verdict.h"

namespace untrain {

struct ValueRun {
  std::int64_t start = 0;  // the first observation of the run
  std::int64_t last = 0;   // the last observation of the run
  bool value = false;
  bool reported = false;  // the member's reports, not untrain's readings
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
  std::string changed_by;                  // its source: page-load, user-change, assisted or member-reported
  std::int64_t checks_since = 0;           // readings after that change (or after first seen); reports are not
  std::vector<ValueRun> runs;
  std::string first_source;  // the source of the first observation
  std::string source;        // the source of the latest value
  // The first reading of the current value after a change the member reported; nullopt until untrain read it.
  std::optional<std::int64_t> confirmed_at;
  std::optional<VerifiedReading> last_verified;  // the latest value untrain read itself

  bool reported() const;  // the latest value is the member's report
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

// "AI training: Off since 2 Mar 2026, 14:03 UTC (switched off on the settings page). It was On, by
// default, when first seen on 28 Feb 2026. Checked 4 times since, Off each time; last checked …", or for
// a member's report "AI training: you reported Off on …; untrain did not read it. untrain last read it On …".
// `rule` may be null for a setting the rules no longer describe. In `lang` (report_text.h), but for the setting's
// name, which is the rules file's.
std::string summary_text(const SettingHistory& history, const SettingRule* rule, std::int64_t now_ms,
                         std::int64_t stale_after_ms = kDefaultStaleAfterMs, Lang lang = Lang::en);

// One stretch of the timeline; value nullopt is unknown.
struct Band {
  std::int64_t start = 0;
  std::int64_t end = 0;
  std::optional<bool> value;
  bool reported = false;  // the value is the member's report
};

// The timeline of one setting over [from, to): contiguous bands covering the whole range.
std::vector<Band> timeline_bands(const SettingHistory& history, std::int64_t from, std::int64_t to,
                                 std::int64_t stale_after_ms = kDefaultStaleAfterMs);

// "2026-03-02 14:03 UTC" and "2026-03-02", as summaries write times.
std::string minute_text(std::int64_t ms);
std::string day_text(std::int64_t ms);

}  // namespace untrain
