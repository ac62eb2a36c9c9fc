#include "export/trail_summary.h"

#include <algorithm>

#include "core/clock.h"
#include "export/report_text.h"
#include "export/setting_name.h"
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

std::string on_off(bool value, Lang lang) { return report_text(lang, value ? ReportText::on : ReportText::off); }

std::string how_changed(const std::string& source, bool to, Lang lang) {
  using enum ReportText;
  if (source == "user-change") return report_text(lang, to ? summary_switched_on_page : summary_switched_off_page);
  if (source == "assisted") return report_text(lang, to ? summary_switched_on_assisted : summary_switched_off_assisted);
  return report_text(lang, summary_found_on_visit, {{"value", on_off(to, lang)}});
}

}  // namespace

std::string summary_text(const SettingHistory& h, const SettingRule* rule, std::int64_t now_ms,
                         std::int64_t stale_after_ms, Lang lang) {
  using enum ReportText;
  std::string name = setting_short_title(rule, h.setting, lang);
  std::string value = on_off(h.value, lang);
  bool first_reported = h.first_source == to_string(ObservationSource::member_reported);
  // How it began: untrain's first reading, or the member's first report, which says nothing of LinkedIn's default.
  std::string first_day = date_text(h.first_seen, lang), first_value = on_off(h.first_value, lang);
  std::string first = report_text(lang,
                                  first_reported                                 ? summary_first_reported
                                  : rule && h.first_value == rule->default_value ? summary_first_seen_default
                                                                                 : summary_first_seen,
                                  {{"value", first_value}, {"day", first_day}});
  std::string text;
  if (h.reported()) {
    text = report_text(lang, summary_reported,
                       {{"setting", name}, {"value", value}, {"time", date_time_text(h.last_checked, lang)}});
    text += " ";
    text += h.last_verified ? report_text(lang, summary_last_read,
                                          {{"value", on_off(h.last_verified->value, lang)},
                                           {"time", date_time_text(h.last_verified->time, lang)}})
                            : report_text(lang, summary_never_read);
    if (!first_reported) text += " " + first + ".";
  } else {
    if (h.changed_at) {
      std::string how =
          h.changed_by != to_string(ObservationSource::member_reported) ? how_changed(h.changed_by, h.value, lang)
          : h.confirmed_at                                              ? report_text(lang, summary_as_reported_read,
                                                                                      {{"value", value}, {"time", date_time_text(*h.confirmed_at, lang)}})
                           : report_text(lang, summary_as_reported_later, {{"value", value}});
      text = report_text(lang, summary_since,
                         {{"setting", name},
                          {"value", value},
                          {"time", date_time_text(*h.changed_at, lang)},
                          {"how", how},
                          {"first", first}});
    } else {
      text = report_text(lang, first_reported ? summary_unchanged_reported : summary_unchanged,
                         {{"setting", name}, {"value", value}, {"first", first}});
    }
    if (h.checks_since > 0) {
      text += " " + report_text(lang, plural(lang, h.checks_since, summary_checked_one, summary_checked_other),
                                {{"n", std::to_string(h.checks_since)}, {"value", value}});
    }
    text += " " + report_text(lang, summary_last_checked, {{"time", date_time_text(h.last_checked, lang)}});
  }
  if (sub_ms(now_ms, h.last_checked) > stale_after_ms) {
    text +=
        " " + report_text(lang, summary_stale, {{"days", std::to_string(sub_ms(now_ms, h.last_checked) / 86'400'000)}});
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
