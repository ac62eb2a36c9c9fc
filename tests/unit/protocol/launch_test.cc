#include "protocol/launch.h"

#include <catch2/catch.hpp>

using namespace untrain;

TEST_CASE("Chromium's launch (an extension origin) is native messaging", "[launch]") {
  auto launch = classify({"untrain", "chrome-extension://cnfjdjaccjmkpgnehhaamchmmodophch/"});
  CHECK(launch.mode == Launch::Mode::native);
  CHECK(launch.caller == "chrome-extension://cnfjdjaccjmkpgnehhaamchmmodophch/");
}

TEST_CASE("Chromium on Windows adds --parent-window and is still native messaging", "[launch]") {
  auto launch = classify({"untrain", "chrome-extension://abc/", "--parent-window=0"});
  CHECK(launch.mode == Launch::Mode::native);
}

TEST_CASE("Firefox's launch (manifest path, add-on id) is native messaging", "[launch][posix]") {
  auto launch =
      classify({"untrain", "/home/j/.mozilla/native-messaging-hosts/org.untrain.host.json", "untrain@untrain.org"});
  CHECK(launch.mode == Launch::Mode::native);
  CHECK(launch.caller == "untrain@untrain.org");
}

TEST_CASE("anything else is the command line", "[launch]") {
  CHECK(classify({"untrain"}).mode == Launch::Mode::cli);
  CHECK(classify({"untrain", "status"}).mode == Launch::Mode::cli);
  CHECK(classify({"untrain", "--help"}).mode == Launch::Mode::cli);
  CHECK(classify({"untrain", "log", "--json"}).mode == Launch::Mode::cli);
  CHECK(classify({"untrain", "/tmp/x.json"}).mode == Launch::Mode::cli);
}
