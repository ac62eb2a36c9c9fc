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

void TrailSummary::add(const Event& e) {
  ++events_;
  first_time_ = first_time_ ? std::min(*first_time_, e.time) : e.time;
  if (e.kind != to_string(EventKind::observation) || !e.value) return;
  auto [it, added] = settings_.try_emplace({e.platform, e.account, e.setting});
  SettingHistory& h = it->second;
  bool value = *e.value;
  if (added) {
    h = SettingHistory{e.platform, e.account, e.setting, e.time, value, e.time, value, std::nullopt, "", 0, {}};
    h.runs.push_back({e.time, e.time, value});
    return;
  }
  // A queued observation may arrive after a newer one; it counts, but never moves time backwards.
  std::int64_t time = std::max(e.time, h.last_checked);
  if (value != h.value) {
    h.changed_at = time;
    h.changed_by = e.source;
    h.checks_since = 0;
  } else {
    ++h.checks_since;
  }
  ValueRun& run = h.runs.back();
  if (value == run.value && time - run.last <= stale_after_ms_) {
    run.last = time;
  } else {
    h.runs.push_back({time, time, value});
  }
  h.value = value;
  h.last_checked = time;
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
  std::string first =
      std::string(on_off(h.first_value)) + (rule && h.first_value == rule->default_value ? ", by default," : "");
  std::string text;
  if (h.changed_at) {
    text = name + ": " + on_off(h.value) + " since " + minute_text(*h.changed_at) + " (" +
           how_changed(h.changed_by, h.value) + "). It was " + first + " when first seen on " + day_text(h.first_seen) +
           ".";
  } else {
    text = name + ": " + on_off(h.value) + ". It was " + first + " when first seen on " + day_text(h.first_seen) +
           ", and has not changed since.";
  }
  if (h.checks_since > 0) {
    text += " Checked " + std::to_string(h.checks_since) + (h.checks_since == 1 ? " time" : " times") + " since, " +
            on_off(h.value) + " each time.";
  }
  text += " Last checked " + minute_text(h.last_checked) + ".";
  if (now_ms - h.last_checked > stale_after_ms) {
    text += " Not checked for " + std::to_string((now_ms - h.last_checked) / 86'400'000) +
            " days: LinkedIn may have changed it since.";
  }
  return text;
}

std::vector<Band> timeline_bands(const SettingHistory& h, std::int64_t from, std::int64_t to,
                                 std::int64_t stale_after_ms) {
  std::vector<Band> bands;
  auto push = [&](std::int64_t start, std::int64_t end, std::optional<bool> value) {
    start = std::max(start, from);
    end = std::min(end, to);
    if (end <= start) return;
    if (!bands.empty() && bands.back().value == value && bands.back().end == start) {
      bands.back().end = end;
    } else {
      bands.push_back({start, end, value});
    }
  };
  std::int64_t cursor = from;
  for (std::size_t i = 0; i < h.runs.size(); ++i) {
    const ValueRun& run = h.runs[i];
    std::int64_t next = i + 1 < h.runs.size() ? h.runs[i + 1].start : to;
    push(cursor, run.start, std::nullopt);
    std::int64_t held = std::min(next, run.last + stale_after_ms);
    push(run.start, held, run.value);
    push(held, next, std::nullopt);
    cursor = std::max(cursor, next);
  }
  push(cursor, to, std::nullopt);
  return bands;
}

}  // namespace untrain
