// The HTML report's language (en, de, fr or es) and its dates. Which language: the member's --lang, the protocol's
// `lang`, or the locale's, decided here from the variables' values; reading the environment is the caller's.
// Dates are written from a table of month names rather than the C library's locales, which a fresh system lacks.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/enum_names.h"

namespace untrain {

enum class Lang { en, de, fr, es };

template <>
struct EnumNames<Lang> {
  static constexpr auto names = std::to_array<std::string_view>({"en", "de", "fr", "es"});
};
static_assert(names_cover(Lang::es));

// The report's language for the locale variables as the environment holds them (nullptr: not set). As POSIX has
// it, the first of LC_ALL, LC_MESSAGES and LANG that is set and not empty decides; its language is what comes
// before '_', '.' or '@' ("de_DE.UTF-8" → de, "fr" → fr). Anything but de, fr or es ("C", "POSIX", "pt_BR", "") is en.
Lang lang_from_locale(const char* lc_all, const char* lc_messages, const char* lang);

// A day, in UTC as the report writes all times: "29 Nov 2026", "29. Nov. 2026", "29 nov. 2026", "29 nov 2026".
std::string date_text(std::int64_t ms, Lang lang);
// A minute, in UTC: "29 Nov 2026, 14:03 UTC" (the same in every language but for the day).
std::string date_time_text(std::int64_t ms, Lang lang);

}  // namespace untrain
