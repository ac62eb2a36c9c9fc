#include "export/trail_summary.h"

#include <algorithm>

#include "core/clock.h"
#include "trail/vocabulary.h"

namespace untrain {

std::string minute_text(std::int64_t ms) {
  std::string iso = format_utc(ms);  // 2026-03-02T14:03:05.000Z
  return iso.substr(0, 10) + " " + iso.substr(11, 5) + " UTC";
}

std::string day_text(std::int64_t ms) { return format_utc(ms).substr(0, 10); }

bool SettingHistory::reported() const { return source == to_string(ObservationSource::member_reported); }

void TrailSummary::add(const Event& e) {
  ++events_;
  first_time_ = first_time_ ? std::min(*first_time_, e.time) : e.time;
  if (e.kind != to_string(EventKind::observation) || !e.value) return;
  auto [it, added] = settings_.try_emplace({e.platform, e.account, e.setting});
  SettingHistory& h = it->second;
  bool value = *e.value;
  bool reported = e.source == to_string(ObservationSource::member_reported);
  // A queued observation may arrive after a newer one; it counts, but never moves time backwards.
  std::int64_t time = added ? e.time : std::max(e.time, h.last_checked);
  if (added) {
    h.platform = e.platform;
    h.account = e.account;
    h.setting = e.setting;
    h.first_seen = e.time;
    h.first_value = value;
    h.first_source = e.source;
    h.runs.push_back({time, time, value, reported});
  } else {
    if (value != h.value) {
      h.changed_at = time;
      h.changed_by = e.source;
      h.checks_since = 0;
      h.confirmed_at.reset();
    } else if (!reported) {
      ++h.checks_since;
      if (!h.confirmed_at) h.confirmed_at = time;
    }
    ValueRun& run = h.runs.back();
    if (value == run.value && reported == run.reported && sub_ms(time, run.last) <= stale_after_ms_) {
      run.last = time;
    } else {
      h.runs.push_back({time, time, value, reported});
    }
  }
  h.value = value;
  h.last_checked = time;
  h.source = e.source;
  if (!reported) h.last_verified = VerifiedReading{value, time, e.rules_version};
}

std::vector<SettingHistory> TrailSummary::settings() const {
  std::vector<SettingHistory> out;
  for (const auto& [key, history] : settings_) out.push_back(history);
  return out;
}

namespace {

const char* on_off(bool value) { return value ? "On" : "Off"; }

std::string how_changed(const std::string& source, bool to) {
  std::string verb = std::string("switched ") + (to ? "on" : "off");
  if (source == "user-change") return verb + " on the settings page";
  if (source == "assisted") return verb + " by untrain at the member's request";
  return "found " + std::string(to ? "On" : "Off") + " on a visit to the settings page";
}

}  // namespace

std::string summary_text(const SettingHistory& h, const SettingRule* rule, std::int64_t now_ms,
                         std::int64_t stale_after_ms) {
  std::string name = rule ? (rule->short_title.empty() ? rule->title : rule->short_title) : h.setting;
  bool first_reported = h.first_source == to_string(ObservationSource::member_reported);
  // How it began: untrain's first reading, or the member's first report, which says nothing of LinkedIn's default.
  std::string first = first_reported
                          ? std::string("You reported it ") + on_off(h.first_value) +
                                " when it was first recorded on " + day_text(h.first_seen) + ", before untrain read it"
                          : std::string("It was ") + on_off(h.first_value) +
                                (rule && h.first_value == rule->default_value ? ", by default," : "") +
                                " when first seen on " + day_text(h.first_seen);
  std::string text;
  if (h.reported()) {
    text = name + ": you reported " + on_off(h.value) + " on " + minute_text(h.last_checked) +
           "; untrain did not read it.";
    text += h.last_verified ? std::string(" untrain last read it ") + on_off(h.last_verified->value) + " on " +
                                  minute_text(h.last_verified->time) + "."
                            : std::string(" untrain has never read it.");
    if (!first_reported) text += " " + first + ".";
  } else {
    if (h.changed_at) {
      std::string how = h.changed_by == to_string(ObservationSource::member_reported)
                            ? std::string("as you reported; untrain first read it ") + on_off(h.value) +
                                  (h.confirmed_at ? " on " + minute_text(*h.confirmed_at) : std::string(" later"))
                            : how_changed(h.changed_by, h.value);
      text = name + ": " + on_off(h.value) + " since " + minute_text(*h.changed_at) + " (" + how + "). " + first + ".";
    } else {
      text = name + ": " + on_off(h.value) + ". " + first + (first_reported ? ", and it" : ", and") +
             " has not changed since.";
    }
    if (h.checks_since > 0) {
      text += " Checked " + std::to_string(h.checks_since) + (h.checks_since == 1 ? " time" : " times") + " since, " +
              on_off(h.value) + " each time.";
    }
    text += " Last checked " + minute_text(h.last_checked) + ".";
  }
  if (sub_ms(now_ms, h.last_checked) > stale_after_ms) {
    text += " Not checked for " + std::to_string(sub_ms(now_ms, h.last_checked) / 86'400'000) +
            " days: LinkedIn may have changed it since.";
  }
  return text;
}

std::vector<Band> timeline_bands(const SettingHistory& h, std::int64_t from, std::int64_t to,
                                 std::int64_t stale_after_ms) {
  std::vector<Band> bands;
  auto push = [&](std::int64_t start, std::int64_t end, std::optional<bool> value, bool reported = false) {
    start = std::max(start, from);
    end = std::min(end, to);
    if (end <= start) return;
    if (!bands.empty() && bands.back().value == value && bands.back().reported == reported &&
        bands.back().end == start) {
      bands.back().end = end;
    } else {
      bands.push_back({start, end, value, reported});
    }
  };
  std::int64_t cursor = from;
  for (std::size_t i = 0; i < h.runs.size(); ++i) {
    const ValueRun& run = h.runs[i];
    std::int64_t next = i + 1 < h.runs.size() ? h.runs[i + 1].start : to;
    push(cursor, run.start, std::nullopt);
    std::int64_t held = std::min(next, add_ms(run.last, stale_after_ms));
    push(run.start, held, run.value, run.reported);
    push(held, next, std::nullopt);
    cursor = std::max(cursor, next);
  }
  push(cursor, to, std::nullopt);
  return bands;
}

}  // namespace untrain
