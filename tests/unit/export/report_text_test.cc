// The HTML report in en, de, fr and es: every message of the catalogue in all four languages with the same
// placeholders and markup, the language chosen from the locale's variables, and dates written from the month table.
#include "export/report_text.h"

#include <catch2/catch.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "core/clock.h"
#include "export/export.h"
#include "export/report_lang.h"
#include "store/store.h"
#include "temp_dir.h"

using namespace untrain;

namespace {

// The report's own markup in a text, in order: "<code>", "</code>", …
std::vector<std::string> tags(std::string_view text) {
  static const std::regex tag("<[^>]*>");
  std::vector<std::string> found;
  std::string s(text);
  for (auto it = std::sregex_iterator(s.begin(), s.end(), tag); it != std::sregex_iterator(); ++it) {
    found.push_back(it->str());
  }
  return found;
}

std::string html_report(Lang lang) {
  TempDir dir;
  Store store = Store::open(dir.path() / "untrain.db");
  Observation o;
  o.platform = "linkedin";
  o.account = "jane-doe";
  o.setting = "ai-training";
  o.url = "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement";
  for (bool value : {true, false}) {
    o.value = value;
    o.time_ms = parse_utc(value ? "2026-11-28T10:00Z" : "2026-11-29T14:03Z").ms;
    o.source = value ? ObservationSource::page_load : ObservationSource::user_change;
    store.append({o, "0.1.0", "2026-11-28"}, o.time_ms);
  }
  std::ostringstream out;
  export_trail(store, ExportFormat::html, {}, out, ExportSource::cli, parse_utc("2026-11-29T15:00Z").ms, {}, true,
               lang);
  return out.str();
}

}  // namespace

TEST_CASE("every message of the report is in en, de, fr and es, with the same placeholders and markup",
          "[export][html][lang]") {
  auto messages = report_messages();
  REQUIRE(messages.size() == static_cast<std::size_t>(ReportText::summary_stale) + 1);
  std::set<std::string_view> names;
  for (std::size_t i = 0; i < messages.size(); ++i) {
    const ReportMessage& m = messages[i];
    INFO(m.name);
    CHECK(static_cast<std::size_t>(m.id) == i);
    CHECK(names.insert(m.name).second);
    auto english = placeholders(m.in[0]);
    std::multiset<std::string> expected(english.begin(), english.end());
    for (Lang lang : all_values<Lang>()) {
      std::string_view text = m.in[static_cast<std::size_t>(lang)];
      INFO(to_string(lang));
      CHECK_FALSE(text.empty());
      auto found = placeholders(text);
      CHECK(std::multiset<std::string>(found.begin(), found.end()) == expected);
      CHECK(tags(text) == tags(m.in[0]));
    }
  }
}

TEST_CASE("a message is filled in by name, and one asked for without its placeholder's value throws",
          "[export][html][lang]") {
  CHECK(report_text(Lang::de, ReportText::events_other, {{"n", "12"}}) == "12 Ereignisse");
  CHECK(report_text(Lang::en, ReportText::summary_heading) == "Summary");
  CHECK_THROWS_AS(report_text(Lang::fr, ReportText::events_one), std::logic_error);
  CHECK(plural(Lang::en, 1, ReportText::events_one, ReportText::events_other) == ReportText::events_one);
  CHECK(plural(Lang::en, 0, ReportText::events_one, ReportText::events_other) == ReportText::events_other);
  CHECK(plural(Lang::fr, 0, ReportText::events_one, ReportText::events_other) == ReportText::events_one);
  CHECK(plural(Lang::es, 2, ReportText::events_one, ReportText::events_other) == ReportText::events_other);
}

TEST_CASE("the report's language from the locale: LC_ALL, then LC_MESSAGES, then LANG, and anything else is English",
          "[export][html][lang]") {
  CHECK(lang_from_locale(nullptr, nullptr, "de_DE.UTF-8") == Lang::de);
  CHECK(lang_from_locale(nullptr, nullptr, "fr_CA.UTF-8") == Lang::fr);
  CHECK(lang_from_locale(nullptr, nullptr, "es_ES@euro") == Lang::es);
  CHECK(lang_from_locale(nullptr, nullptr, "es") == Lang::es);
  CHECK(lang_from_locale(nullptr, nullptr, "pt_BR.UTF-8") == Lang::en);
  CHECK(lang_from_locale(nullptr, nullptr, "C.UTF-8") == Lang::en);
  CHECK(lang_from_locale(nullptr, nullptr, "POSIX") == Lang::en);
  CHECK(lang_from_locale(nullptr, nullptr, "de") == Lang::de);
  CHECK(lang_from_locale(nullptr, nullptr, "deu") == Lang::en);
  CHECK(lang_from_locale(nullptr, nullptr, "DE_de") == Lang::en);  // locale names are case-sensitive
  CHECK(lang_from_locale(nullptr, nullptr, nullptr) == Lang::en);
  CHECK(lang_from_locale("", "", "") == Lang::en);
  // The first one set and not empty decides, even when it names a language the report has not.
  CHECK(lang_from_locale("fr_FR.UTF-8", "es_ES.UTF-8", "de_DE.UTF-8") == Lang::fr);
  CHECK(lang_from_locale(nullptr, "es_ES.UTF-8", "de_DE.UTF-8") == Lang::es);
  CHECK(lang_from_locale("", "es_ES.UTF-8", "de_DE.UTF-8") == Lang::es);
  CHECK(lang_from_locale("C", "es_ES.UTF-8", "de_DE.UTF-8") == Lang::en);
  CHECK(lang_from_locale(nullptr, "it_IT.UTF-8", "de_DE.UTF-8") == Lang::en);
}

TEST_CASE("dates in each language from the month table, in UTC", "[export][html][lang][dates]") {
  std::int64_t nov29 = parse_utc("2026-11-29T14:03Z").ms;
  CHECK(date_text(nov29, Lang::en) == "29 Nov 2026");
  CHECK(date_text(nov29, Lang::de) == "29. Nov. 2026");
  CHECK(date_text(nov29, Lang::fr) == "29 nov. 2026");
  CHECK(date_text(nov29, Lang::es) == "29 nov 2026");
  std::int64_t mar2 = parse_utc("2026-03-02T09:05Z").ms;
  CHECK(date_text(mar2, Lang::en) == "2 Mar 2026");
  CHECK(date_text(mar2, Lang::de) == "2. März 2026");
  CHECK(date_text(mar2, Lang::fr) == "2 mars 2026");
  CHECK(date_text(mar2, Lang::es) == "2 mar 2026");
  CHECK(date_text(parse_utc("2027-02-01").ms, Lang::fr) == "1 févr. 2027");
  CHECK(date_text(parse_utc("2027-08-15").ms, Lang::es) == "15 ago 2027");
  CHECK(date_text(parse_utc("2027-12-31").ms, Lang::de) == "31. Dez. 2027");
  // UTC whatever the time zone: the last minute of a day is still that day.
  CHECK(date_text(parse_utc("2026-11-29T23:59Z").ms, Lang::en) == "29 Nov 2026");
  CHECK(date_time_text(mar2, Lang::en) == "2 Mar 2026, 09:05 UTC");
  CHECK(date_time_text(nov29, Lang::de) == "29. Nov. 2026, 14:03 UTC");
  CHECK(date_time_text(0, Lang::es) == "1 ene 1970, 00:00 UTC");
}

TEST_CASE("the report in each language: its words, dates and html lang, and the verify commands the same in all",
          "[export][html][lang]") {
  std::string en = html_report(Lang::en), de = html_report(Lang::de), fr = html_report(Lang::fr),
              es = html_report(Lang::es);
  CHECK_THAT(en, Catch::Contains("<html lang=\"en\">") && Catch::Contains("<h2>How to verify</h2>") &&
                     Catch::Contains("Exported 29 Nov 2026, 15:00 UTC") &&
                     Catch::Contains("<td class=\"time\">29 Nov 2026, 14:03 UTC</td><td>change On → Off</td>"));
  CHECK_THAT(de,
             Catch::Contains("<html lang=\"de\">") && Catch::Contains("<h2>So prüfst du es</h2>") &&
                 Catch::Contains("<th>Zeit (UTC)</th>") && Catch::Contains("Exportiert am 29. Nov. 2026, 15:00 UTC") &&
                 Catch::Contains("<td>Änderung An → Aus</td>") && Catch::Contains("<span class=\"off\">Aus</span>"));
  CHECK_THAT(fr, Catch::Contains("<html lang=\"fr\">") && Catch::Contains("<h2>Comment vérifier</h2>") &&
                     Catch::Contains("Exportée le 29 nov. 2026, 15:00 UTC") && Catch::Contains("2 événements"));
  CHECK_THAT(es, Catch::Contains("<html lang=\"es\">") && Catch::Contains("<h2>Cómo verificarlo</h2>") &&
                     Catch::Contains("Exportado el 29 nov 2026, 15:00 UTC") && Catch::Contains("<h2>Eventos</h2>"));
  // The timeline's legend and dates too.
  CHECK_THAT(de, Catch::Contains(">unbekannt</text>") && Catch::Contains(">28. Nov. 2026</text>"));
  // Commands, ids and markup a test or a reader follows are the same in every language.
  for (const std::string* report : {&en, &de, &fr, &es}) {
    CHECK_THAT(*report, Catch::Contains("<code>untrain export -o trail.json</code>") &&
                            Catch::Contains("<code>untrain verify --file trail.json --head 2:") &&
                            Catch::Contains("<span id=\"chain-head-seq\">2</span>") &&
                            Catch::Contains("<ol id=\"verify-steps\">"));
  }
}
