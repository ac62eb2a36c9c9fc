// The extension's identity as the host knows it: read from extension/manifest.json at build time.
#include "core/extension_identity.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "core/embedded.h"

using namespace untrain;

TEST_CASE("the key and add-on id compiled in are the extension manifest's own", "[identity]") {
  auto manifest = nlohmann::json::parse(embedded::extension_manifest());
  CHECK(embedded::extension_key() == manifest.at("key").get<std::string>());
  CHECK(firefox_addon_id() == manifest.at("browser_specific_settings").at("gecko").at("id").get<std::string>());
  CHECK(extension_id() == chromium_extension_id(manifest.at("key").get<std::string>()));
  CHECK(extension_origin() == "chrome-extension://cnfjdjaccjmkpgnehhaamchmmodophch/");
}
