// The HTML report's words in each of its languages: one table of message ids × en, de, fr and es, the only place
// the report's text is written. A text may hold placeholders, "{name}", filled by report_text() (the caller escapes
// what it fills in), and the report's own markup (<strong>, <code>, a <span id>), which every language keeps alike.
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "export/report_lang.h"

namespace untrain {

enum class ReportText {
  page_title,
  heading,
  exported,
  events_one,
  events_other,
  not_verified,
  partial,
  partial_range,
  range_since,
  range_until,
  range_account,
  summary_heading,
  no_settings,
  account_not_shown,
  timeline_label,
  chain_heading,
  chain_made_one,
  chain_made_other,
  chain_added,
  verify_heading,
  verify_intro,
  verify_step_export,
  verify_step_check,
  verify_step_by_hand,
  events_heading,
  column_seq,
  column_time,
  column_what,
  column_setting,
  column_value,
  column_how,
  column_account,
  column_page,
  column_hash,
  on,
  off,
  unknown,
  change,
  your_word,
  band,
  band_reported,
  key_reported,
  footer,
  // The summary of one setting (trail_summary.h, summary_text): sentences of their own, put together there.
  summary_reported,
  summary_last_read,
  summary_never_read,
  summary_since,
  summary_unchanged,
  summary_unchanged_reported,
  summary_first_reported,
  summary_first_seen,
  summary_first_seen_default,
  summary_as_reported_read,
  summary_as_reported_later,
  summary_switched_on_page,
  summary_switched_off_page,
  summary_switched_on_assisted,
  summary_switched_off_assisted,
  summary_found_on_visit,
  summary_checked_one,
  summary_checked_other,
  summary_last_checked,
  summary_stale,
};

struct ReportMessage {
  ReportText id;
  std::string_view name;               // the id as a word, for tests and for whoever translates
  std::array<std::string_view, 4> in;  // by Lang: en, de, fr, es
};

// Every message, in the order of ReportText.
std::span<const ReportMessage> report_messages();

using ReportArgs = std::initializer_list<std::pair<std::string_view, std::string_view>>;

// The message in `lang` with each "{name}" replaced by its argument's value. A placeholder without an argument
// is a mistake in untrain: it throws std::logic_error rather than print a reader "{seq}".
std::string report_text(Lang lang, ReportText id, ReportArgs args = {});

// One of a count's two forms: `one` for a single thing (in French also for none), else `other`.
ReportText plural(Lang lang, std::int64_t n, ReportText one, ReportText other);

// "{…}" names in a text, in order of appearance: what the catalogue's test compares across languages.
std::vector<std::string> placeholders(std::string_view text);

}  // namespace untrain
