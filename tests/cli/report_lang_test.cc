// The HTML report in the member's language: `untrain export --lang`, else the locale's (LC_ALL, then LC_MESSAGES,
// then LANG), run for real with the environment a shell would give it.
#include <catch2/catch.hpp>

#include "run.h"

namespace {

constexpr std::int64_t kNov29 = 1795946400000;  // 2026-11-29 10:00 UTC

void with_two_events(const Member& member) {
  member.observes("ai-training", true, kNov29);
  member.observes("ai-training", false, kNov29 + 60'000);
}

}  // namespace

TEST_CASE("LANG=de_DE.UTF-8 untrain export -o r.html writes German headings and dates", "[cli][report][lang]") {
  Member member;
  with_two_events(member);
  auto run = member.untrain({"export", "-o", "r.html"}, {{"LANG", "de_DE.UTF-8"}});
  INFO(run.err);
  REQUIRE(run.status == 0);
  auto report = read_text(member.folder() / "r.html");
  CHECK_THAT(report, Catch::Contains("<html lang=\"de\">"));
  CHECK_THAT(report, Catch::Contains("<h1>Deine Einstellungen zum KI-Training: das Prüfprotokoll</h1>"));
  CHECK_THAT(report, Catch::Contains("<h2>Zusammenfassung</h2>"));
  CHECK_THAT(report, Catch::Contains("<h2>So prüfst du es</h2>"));
  CHECK_THAT(report, Catch::Contains("<h2>Ereignisse</h2>"));
  CHECK_THAT(report, Catch::Contains("<td class=\"time\">29. Nov. 2026, 10:00 UTC</td>"));
  CHECK_THAT(report, !Catch::Contains("How to verify"));
}

TEST_CASE("untrain export --lang fr wins over LANG, and LC_ALL over LANG", "[cli][report][lang]") {
  Member member;
  with_two_events(member);
  REQUIRE(member.untrain({"export", "-o", "fr.html", "--lang", "fr"}, {{"LANG", "de_DE.UTF-8"}}).status == 0);
  auto french = read_text(member.folder() / "fr.html");
  CHECK_THAT(french, Catch::Contains("<html lang=\"fr\">") && Catch::Contains("<h2>Comment vérifier</h2>") &&
                         Catch::Contains("29 nov. 2026"));
  CHECK_THAT(french, !Catch::Contains("<h2>Zusammenfassung</h2>"));

  REQUIRE(member.untrain({"export", "-o", "es.html"}, {{"LC_ALL", "es_ES.UTF-8"}, {"LANG", "de_DE.UTF-8"}}).status ==
          0);
  CHECK_THAT(read_text(member.folder() / "es.html"), Catch::Contains("<h2>Cómo verificarlo</h2>"));
}

TEST_CASE("without --lang or a locale of its languages the report is English", "[cli][report][lang]") {
  Member member;
  with_two_events(member);
  REQUIRE(member.untrain({"export", "-o", "none.html"}).status == 0);
  CHECK_THAT(read_text(member.folder() / "none.html"), Catch::Contains("<html lang=\"en\">") &&
                                                           Catch::Contains("<h2>How to verify</h2>") &&
                                                           Catch::Contains("29 Nov 2026, 10:00 UTC"));
  REQUIRE(member.untrain({"export", "-o", "pt.html"}, {{"LANG", "pt_BR.UTF-8"}}).status == 0);
  CHECK_THAT(read_text(member.folder() / "pt.html"), Catch::Contains("<html lang=\"en\">"));
}

TEST_CASE("an unknown --lang is a wrong command line: exit 2, nothing written", "[cli][report][lang]") {
  Member member;
  with_two_events(member);
  auto run = member.untrain({"export", "-o", "r.html", "--lang", "xx"});
  CHECK(run.status == 2);
  CHECK_THAT(run.err, Catch::Contains("--lang takes en, de, fr or es, not 'xx'"));
  CHECK_FALSE(std::filesystem::exists(member.folder() / "r.html"));
}

TEST_CASE("untrain(1) and the completions offer --lang and name the locale variables", "[cli][report][lang]") {
  Member member;
  auto man = member.untrain({"man"});
  REQUIRE(man.status == 0);
  CHECK_THAT(man.out, Catch::Contains("\\-\\-lang") && Catch::Contains("LC_MESSAGES"));
  auto bash = member.untrain({"completion", "bash"});
  CHECK_THAT(bash.out, Catch::Contains("--lang"));
}
