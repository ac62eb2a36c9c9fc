#include "doctor/firefox_prefs.h"

#include <catch2/catch.hpp>

using namespace untrain;

TEST_CASE("profiles.ini lists relative and absolute profile folders", "[firefox]") {
  std::string ini =
      "[General]\nStartWithLastProfile=1\n\n"
      "[Profile1]\nName=work\nIsRelative=0\nPath=/data/ff/work\n\n"
      "[Profile0]\r\nName=default\r\nIsRelative=1\r\nPath=abcd.default-esr\r\nDefault=1\r\n\n"
      "[Install4F96D1932A9F858E]\nDefault=abcd.default-esr\n";
  auto profiles = firefox_profiles(ini, "/home/jane/.mozilla/firefox");
  REQUIRE(profiles.size() == 2);
  CHECK(profiles[0] == "/data/ff/work");
  CHECK(profiles[1] == "/home/jane/.mozilla/firefox/abcd.default-esr");
}

TEST_CASE("the last setting of a pref in a file counts, in any of Firefox's pref forms", "[firefox]") {
  std::string prefs =
      "user_pref(\"webextensions.native-messaging.max-input-message-bytes\", 4096);\n"
      "pref('webextensions.native-messaging.max-input-message-bytes',0);\n"
      "user_pref(\"webextensionsXnative-messaging.max-output-message-bytes\", 0);\n";
  CHECK(pref_value(prefs, "webextensions.native-messaging.max-input-message-bytes") == 0);
  // The dots are literal: a look-alike name does not count.
  CHECK_FALSE(pref_value(prefs, "webextensions.native-messaging.max-output-message-bytes"));
}

TEST_CASE("a zero limit switches native messaging off; user.js wins over prefs.js", "[firefox]") {
  auto input = "webextensions.native-messaging.max-input-message-bytes";
  auto output = "webextensions.native-messaging.max-output-message-bytes";
  CHECK(native_messaging_pref_problems("", "").empty());

  auto problems = native_messaging_pref_problems(std::string("user_pref(\"") + output + "\", 0);", "");
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].pref == output);
  CHECK(problems[0].disables);
  CHECK(problems[0].file == "prefs.js");

  // A hardened user.js sets it to 0; prefs.js still has the default: user.js is what Firefox applies.
  problems = native_messaging_pref_problems(std::string("user_pref(\"") + input + "\", 1048576);",
                                            std::string("user_pref(\"") + input + "\", 0);");
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].file == "user.js");

  problems = native_messaging_pref_problems(std::string("user_pref(\"") + input + "\", 65536);", "");
  REQUIRE(problems.size() == 1);
  CHECK_FALSE(problems[0].disables);  // too small for a 1 MiB reply, but not off
  CHECK(native_messaging_pref_problems(std::string("user_pref(\"") + input + "\", 2097152);", "").empty());
}
