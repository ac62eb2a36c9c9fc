// What only the Windows build does, run under Wine: the database's default place, a Firefox launch with a drive
// letter, the registry round trip, and files made without POSIX modes.
#include <catch2/catch.hpp>
#include <map>

#include "core/paths.h"
#include "core/utf8.h"
#include "install/windows_registry.h"
#include "protocol/launch.h"
#include "store/database_file.h"
#include "temp_dir.h"

using namespace untrain;

namespace {

Environment env(std::map<std::string, std::string> values) {
  return [values](const char* name) -> std::optional<std::string> {
    auto it = values.find(name);
    if (it == values.end()) return std::nullopt;
    return it->second;
  };
}

}  // namespace

TEST_CASE("the database lives in %LOCALAPPDATA%\\untrain, else under %USERPROFILE%", "[windows]") {
  CHECK(database_path(std::nullopt, env({{"LOCALAPPDATA", "C:\\Users\\j\\AppData\\Local"}})) ==
        "C:\\Users\\j\\AppData\\Local\\untrain\\untrain.db");
  CHECK(database_path(std::nullopt, env({{"USERPROFILE", "C:\\Users\\j"}})) ==
        "C:\\Users\\j\\AppData\\Local\\untrain\\untrain.db");
  CHECK(database_path(std::nullopt, env({{"UNTRAIN_DB", "D:\\t.db"}, {"LOCALAPPDATA", "C:\\x"}})) == "D:\\t.db");
  CHECK_THROWS(database_path(std::nullopt, env({{"HOME", "/home/j"}})));
}

TEST_CASE("Firefox on Windows passes the manifest's path with a drive letter", "[windows]") {
  auto launch =
      classify({"untrain", "C:\\Users\\j\\AppData\\Local\\untrain\\org.untrain.host.json", "untrain@untrain.org"});
  CHECK(launch.mode == Launch::Mode::native);
  CHECK(launch.caller == "untrain@untrain.org");
  CHECK(classify({"untrain", "status"}).mode == Launch::Mode::cli);
}

TEST_CASE("a registry key's default value is written, read back and removed", "[windows]") {
  std::string key = "HKEY_CURRENT_USER\\SOFTWARE\\untrain-test\\NativeMessagingHosts\\org.untrain.host";
  set_registry_default(key, "C:\\x\\org.untrain.host.json");
  CHECK(registry_default(key) == "C:\\x\\org.untrain.host.json");
  remove_registry_key(key);
  CHECK_FALSE(registry_default(key).has_value());
  remove_registry_key(key);  // removing what is not there is not an error
}

TEST_CASE("the database file is made, then recognised, without modes", "[windows]") {
  TempDir dir;
  auto path = dir.path() / "a" / "b" / "untrain.db";
  CHECK(inspect_database_file(path) == DatabaseFile::missing);
  prepare_database_file(path);
  CHECK(inspect_database_file(path) == DatabaseFile::empty);
  CHECK(database_file_writable(path));
  CHECK_THROWS_WITH(inspect_database_file(dir.path()), Catch::Contains("is a folder"));
}

TEST_CASE("a variable outside the ANSI code page is read as UTF-8", "[windows]") {
  REQUIRE(_wputenv_s(L"UNTRAIN_TEST_UTF8", L"C:\\Users\\Jos\u00e9\\\u4e2d\U0001F600") == 0);
  CHECK(getenv_utf8("UNTRAIN_TEST_UTF8") == "C:\\Users\\Jos\xC3\xA9\\\xE4\xB8\xAD\xF0\x9F\x98\x80");
  auto path = database_path(std::nullopt, [](const char* name) { return getenv_utf8(name); });
  CHECK(path.wstring().find(L"\\untrain\\untrain.db") != std::wstring::npos);
  REQUIRE(_wputenv_s(L"LOCALAPPDATA", L"C:\\Users\\Jos\u00e9\\AppData\\Local") == 0);
  CHECK(database_path(std::nullopt, process_environment()).wstring() ==
        L"C:\\Users\\Jos\u00e9\\AppData\\Local\\untrain\\untrain.db");
  REQUIRE(_wputenv_s(L"UNTRAIN_TEST_UTF8", L"") == 0);
  CHECK_FALSE(getenv_utf8("UNTRAIN_TEST_UTF8").has_value());
}
