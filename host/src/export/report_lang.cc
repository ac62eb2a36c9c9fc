#include "export/report_lang.h"

#include <array>
#include <charconv>

#include "core/clock.h"

namespace untrain {
namespace {

// Each language's abbreviated month names (CLDR's "format, abbreviated"), January first.
constexpr std::array<std::array<std::string_view, 12>, 4> kMonths = {{
    {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
    {"Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."},
    {"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."},
    {"ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"},
}};

// The language part of a locale name: "de_DE.UTF-8" → "de".
std::string_view language_of(std::string_view locale) { return locale.substr(0, locale.find_first_of("_.@")); }

int number(std::string_view digits) {
  int value = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}

}  // namespace

Lang lang_from_locale(const char* lc_all, const char* lc_messages, const char* lang) {
  for (const char* value : {lc_all, lc_messages, lang}) {
    if (value == nullptr || *value == '\0') continue;
    auto chosen = parse<Lang>(language_of(value));
    return chosen.value_or(Lang::en);
  }
  return Lang::en;
}

std::string date_text(std::int64_t ms, Lang lang) {
  // format_utc: "2026-11-29T14:03:05.000Z", the year perhaps longer or signed for a time someone edited.
  std::string iso = format_utc(ms);
  std::string_view date = std::string_view(iso).substr(0, iso.find('T'));
  if (date.size() < 10) return std::string(date);
  std::string_view year = date.substr(0, date.size() - 6);
  int month = number(date.substr(date.size() - 5, 2));
  std::string day = std::to_string(number(date.substr(date.size() - 2)));
  if (month < 1 || month > 12) return std::string(date);
  std::string_view name = kMonths[static_cast<std::size_t>(lang)][static_cast<std::size_t>(month - 1)];
  std::string text = day;
  text += lang == Lang::de ? ". " : " ";
  text.append(name).append(" ").append(year);
  return text;
}

std::string date_time_text(std::int64_t ms, Lang lang) {
  std::string iso = format_utc(ms);
  auto t = iso.find('T');
  std::string time = t == std::string::npos ? std::string() : iso.substr(t + 1, 5);
  return date_text(ms, lang) + ", " + time + " UTC";
}

}  // namespace untrain
