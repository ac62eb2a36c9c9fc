#include "trail/form.h"

#include <cctype>
#include <nlohmann/json.hpp>

namespace untrain {

bool is_calendar_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  auto number = [&](std::size_t at, std::size_t length) {
    int n = 0;
    for (std::size_t i = at; i < at + length; ++i) n = n * 10 + (text[i] - '0');
    return n;
  };
  int year = number(0, 4), month = number(5, 2), day = number(8, 2);
  if (year < 1970 || month < 1 || month > 12 || day < 1) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

Event form_event(const FormReport& f) {
  Event e;
  e.time = f.time_ms;
  e.kind = to_string(EventKind::form);
  e.action = to_string(FormAction::sent);
  e.source = to_string(f.source);
  e.platform = f.platform;
  e.account = f.account.value_or("");
  e.url = f.url;
  e.detail = nlohmann::json{{"form", f.form}, {"sent_on", f.sent_on}}.dump();
  return e;
}

}  // namespace untrain
