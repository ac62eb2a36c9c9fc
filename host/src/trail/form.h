// Forms the member sends by hand (LinkedIn's Data Processing Objection Form): the member's word
// that they sent one becomes a `form` event, and the store keeps the latest date of each.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "trail/event.h"

namespace untrain {

// One report from the extension (docs/protocol.md, `form`).
struct FormReport {
  std::string platform;
  std::optional<std::string> account;
  std::string form;     // a form id from the rules
  std::string sent_on;  // YYYY-MM-DD, as the member gave it
  NudgeSource source = NudgeSource::banner;
  std::string url;  // "" when none
  std::int64_t time_ms = 0;
};

// What the store keeps (table form_state): the latest date each account marked each form.
struct FormState {
  std::string platform;
  std::string account;
  std::string form;
  std::string sent_on;
  std::int64_t recorded = 0;
};

// "YYYY-MM-DD" naming a day that exists in the Gregorian calendar (years 1970 to 9999).
bool is_calendar_date(std::string_view text);

// The event as the store keeps it; `sent` is its one action, detail holds the form and the date.
Event form_event(const FormReport& form);

}  // namespace untrain
