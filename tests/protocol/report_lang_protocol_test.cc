// The popup's report in the browser's language: an `export` request's `lang` (docs/protocol.md) spoken to the real
// binary over pipes. One of en, de, fr or es writes the report in it; any other value is bad_request.
#include <catch2/catch.hpp>

#include "../unit/temp_dir.h"
#include "host_process.h"

using nlohmann::json;

namespace {

json observe(int id, bool value) {
  return {{"id", id},
          {"type", "observe"},
          {"platform", "linkedin"},
          {"account", "jane-doe"},
          {"setting", "ai-training"},
          {"value", value},
          {"url", "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement"},
          {"time", 1795946400000 + id * 60'000LL},
          {"source", "page-load"}};
}

}  // namespace

TEST_CASE("an export request with lang \"es\" gives a Spanish report, and one without lang an English one",
          "[protocol][export][lang]") {
  TempDir dir;
  HostProcess host(dir.path() / "untrain.db");
  REQUIRE(host.ask(observe(1, true))["ok"] == true);
  REQUIRE(host.ask(observe(2, false))["ok"] == true);

  auto reply = host.ask({{"id", 3}, {"type", "export"}, {"format", "html"}, {"lang", "es"}});
  REQUIRE(reply["ok"] == true);
  REQUIRE(reply["result"]["done"] == true);
  std::string report = reply["result"]["chunk"];
  CHECK_THAT(report, Catch::Contains("<html lang=\"es\">"));
  CHECK_THAT(report, Catch::Contains("<h2>Cómo verificarlo</h2>"));
  CHECK_THAT(report, Catch::Contains("<td>cambio Activado → Desactivado</td>"));
  CHECK_THAT(report, Catch::Contains("<code>untrain verify --file trail.json --head 2:"));  // commands as typed

  auto english = host.ask({{"id", 4}, {"type", "export"}, {"format", "html"}, {"lang", nullptr}});
  REQUIRE(english["ok"] == true);
  CHECK_THAT(english["result"]["chunk"].get<std::string>(), Catch::Contains("<h2>How to verify</h2>"));
  // The other formats take a lang and have no words to put in it.
  CHECK(host.ask({{"id", 5}, {"type", "export"}, {"format", "json"}, {"lang", "fr"}})["ok"] == true);
}

TEST_CASE("an export request with a lang untrain does not write is bad_request naming lang, and nothing is exported",
          "[protocol][export][lang]") {
  TempDir dir;
  HostProcess host(dir.path() / "untrain.db");
  REQUIRE(host.ask(observe(1, true))["ok"] == true);
  int id = 10;
  for (const json& lang : {json("xx"), json("de-DE"), json("DE"), json(""), json(7)}) {
    INFO(lang.dump());
    auto reply = host.ask({{"id", ++id}, {"type", "export"}, {"format", "html"}, {"lang", lang}});
    CHECK(reply["ok"] == false);
    CHECK(reply["error"]["code"] == "bad_request");
    CHECK_THAT(reply["error"]["message"].get<std::string>(), Catch::Contains("'lang'"));
  }
  // The host keeps serving, and recorded no export for the refused requests: seq 2 is the first export's.
  auto reply = host.ask({{"id", 99}, {"type", "export"}, {"format", "json"}, {"lang", "de"}});
  REQUIRE(reply["ok"] == true);
  CHECK(reply["result"]["chain_head"]["seq"] == 1);
}
