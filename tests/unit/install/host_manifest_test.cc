#include "install/host_manifest.h"

#include <catch2/catch.hpp>
#include <regex>

#include "core/embedded.h"
#include "core/extension_identity.h"

using namespace untrain;

TEST_CASE("the extension id is derived from the manifest's key as Chromium does", "[manifest]") {
  // The id the README states; Chromium computed the same for the unpacked extension.
  CHECK(extension_origin() == "chrome-extension://cnfjdjaccjmkpgnehhaamchmmodophch/");
  CHECK(extension_id() == "cnfjdjaccjmkpgnehhaamchmmodophch");
  CHECK(firefox_addon_id() == "untrain@untrain.org");
}

TEST_CASE("a Chromium-family manifest allows exactly our origin, with the trailing slash", "[manifest]") {
  auto m = host_manifest(Family::chromium, "/usr/bin/untrain");
  CHECK(m["name"] == "org.untrain.host");
  CHECK(m["type"] == "stdio");
  CHECK(m["path"] == "/usr/bin/untrain");
  CHECK(m["allowed_origins"] == nlohmann::json::array({"chrome-extension://cnfjdjaccjmkpgnehhaamchmmodophch/"}));
  CHECK_FALSE(m.contains("allowed_extensions"));
}

TEST_CASE("a Firefox-family manifest lists the add-on id and no origins", "[manifest]") {
  auto m = host_manifest(Family::firefox, "/usr/bin/untrain");
  CHECK(m["allowed_extensions"] == nlohmann::json::array({"untrain@untrain.org"}));
  CHECK_FALSE(m.contains("allowed_origins"));
}

TEST_CASE("manifests are the templates of manifests/ with every placeholder filled", "[manifest]") {
  CHECK(embedded::chromium_manifest_template().find("\"allowed_origins\"") != std::string_view::npos);
  CHECK(embedded::firefox_manifest_template().find("\"allowed_extensions\"") != std::string_view::npos);
  for (auto family : {Family::chromium, Family::firefox}) {
    auto text = host_manifest_text(family, "/opt/untrain/bin/untrain");
    CHECK_FALSE(std::regex_search(text, std::regex("@[A-Z_]+@")));
    // The template's order of keys is kept: name first, as people expect to read it.
    CHECK(text.rfind("{\n  \"name\": \"org.untrain.host\",\n", 0) == 0);
    CHECK(text.back() == '\n');
  }
}

TEST_CASE("a program path with quotes and backslashes still gives valid JSON naming it exactly", "[manifest]") {
  std::string odd = "/home/o'neil/\"my\" apps\\untrain";
  auto m = nlohmann::json::parse(host_manifest_text(Family::chromium, odd));
  CHECK(m["path"] == odd);
}
