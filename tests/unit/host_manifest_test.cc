#include "host_manifest.h"

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "embedded.h"
#include "extension_identity.h"
#include "temp_dir.h"

using namespace untrain;

TEST_CASE("the extension id is derived from the manifest's key as Chromium does", "[manifest]") {
  // The id the README states; Chromium computed the same for the unpacked extension.
  CHECK(extension_origin() == "chrome-extension://cnfjdjaccjmkpgnehhaamchmmodophch/");
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

TEST_CASE("install writes <host name>.json readable by the browser, uninstall removes it", "[manifest]") {
  TempDir dir;
  auto folder = dir.path() / "NativeMessagingHosts";
  auto file = install_manifest(Family::chromium, folder, "/opt/untrain/bin/untrain");
  CHECK(file == folder / "org.untrain.host.json");
  std::ifstream in(file);
  auto written = nlohmann::json::parse(in);
  CHECK(written["path"] == "/opt/untrain/bin/untrain");
  struct stat st {};
  REQUIRE(::stat(file.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0644);
  CHECK(install_manifest(Family::chromium, folder, "/opt/untrain/bin/untrain") == file);  // idempotent
  CHECK(uninstall_manifest(folder));
  CHECK_FALSE(std::filesystem::exists(file));
  CHECK_FALSE(uninstall_manifest(folder));
}
