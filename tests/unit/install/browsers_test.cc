#include "install/browsers.h"

#include <catch2/catch.hpp>
#include <set>

#include "core/error.h"
#include "install/browser_selection.h"
#include "install/registration.h"

using namespace untrain;

namespace {

// A machine described by the test: these programs on PATH, these paths existing.
Machine machine(std::set<std::string> programs, std::set<std::string> paths) {
  Machine m;
  m.home = "/home/jane";
  m.exists = [paths](const std::filesystem::path& p) { return paths.count(p.string()) > 0; };
  m.on_path = [programs](const std::string& p) { return programs.count(p) > 0; };
  return m;
}

std::vector<std::string> names(const std::vector<const Browser*>& browsers) {
  std::vector<std::string> out;
  for (auto* b : browsers) out.push_back(b->name);
  return out;
}

const Browser& named(const char* name) {
  const Browser* b = find_browser(name);
  REQUIRE(b);
  return *b;
}

}  // namespace

TEST_CASE("the table has the eight browsers of the issue and unique names", "[browsers]") {
  std::set<std::string> seen;
  for (const auto& b : known_browsers()) CHECK(seen.insert(b.name).second);
  for (auto name : {"chrome", "chromium", "edge", "brave", "vivaldi", "opera", "firefox", "librewolf"}) {
    CHECK(find_browser(name) != nullptr);
  }
  CHECK(find_browser("netscape") == nullptr);
}

TEST_CASE("each family reads its own folder name and manifest shape", "[browsers]") {
  for (const auto& b : known_browsers()) {
    INFO(b.name);
    auto folder = std::filesystem::path(b.user_dir).filename().string();
    CHECK(folder == (b.family == Family::chromium ? "NativeMessagingHosts" : "native-messaging-hosts"));
    CHECK_FALSE(b.title.empty());
    CHECK(find_browser(b.base) != nullptr);
  }
}

TEST_CASE("Linux per-user and system folders are the ones browsers read", "[browsers]") {
  std::filesystem::path home = "/home/jane";
  auto user = [&](const char* name) { return user_manifest_dir(named(name), Os::gnu_linux, home)->string(); };
  CHECK(user("chrome") == "/home/jane/.config/google-chrome/NativeMessagingHosts");
  CHECK(user("chromium") == "/home/jane/.config/chromium/NativeMessagingHosts");
  CHECK(user("edge") == "/home/jane/.config/microsoft-edge/NativeMessagingHosts");
  CHECK(user("brave") == "/home/jane/.config/BraveSoftware/Brave-Browser/NativeMessagingHosts");
  CHECK(user("vivaldi") == "/home/jane/.config/vivaldi/NativeMessagingHosts");
  CHECK(user("opera") == "/home/jane/.config/opera/NativeMessagingHosts");
  CHECK(user("firefox") == "/home/jane/.mozilla/native-messaging-hosts");
  CHECK(user("librewolf") == "/home/jane/.librewolf/native-messaging-hosts");
  CHECK(user("firefox-flatpak") == "/home/jane/.var/app/org.mozilla.firefox/.mozilla/native-messaging-hosts");
  CHECK(user("chrome-flatpak") == "/home/jane/.var/app/com.google.Chrome/config/google-chrome/NativeMessagingHosts");
  CHECK(user("chromium-flatpak") == "/home/jane/.var/app/org.chromium.Chromium/config/chromium/NativeMessagingHosts");
  CHECK(user("firefox-snap") == "/home/jane/snap/firefox/common/.mozilla/native-messaging-hosts");

  auto system = [&](const char* name) {
    std::vector<std::string> dirs;
    for (const auto& d : system_manifest_dirs(named(name), Os::gnu_linux)) dirs.push_back(d.string());
    return dirs;
  };
  CHECK(system("chrome") == std::vector<std::string>{"/etc/opt/chrome/native-messaging-hosts"});
  CHECK(system("chromium") == std::vector<std::string>{"/etc/chromium/native-messaging-hosts"});
  CHECK(system("edge") == std::vector<std::string>{"/etc/opt/edge/native-messaging-hosts"});
  CHECK(system("firefox") == std::vector<std::string>{"/usr/lib/mozilla/native-messaging-hosts",
                                                      "/usr/lib64/mozilla/native-messaging-hosts"});
  CHECK(system("librewolf") == std::vector<std::string>{"/usr/lib/librewolf/native-messaging-hosts"});
  CHECK(system("brave").empty());
  CHECK(system("firefox-flatpak").empty());
}

TEST_CASE("macOS folders and Windows registry keys come from the same table", "[browsers]") {
  std::filesystem::path home = "/Users/jane";
  CHECK(user_manifest_dir(named("chrome"), Os::macos, home)->string() ==
        "/Users/jane/Library/Application Support/Google/Chrome/NativeMessagingHosts");
  CHECK(user_manifest_dir(named("firefox"), Os::macos, home)->string() ==
        "/Users/jane/Library/Application Support/Mozilla/NativeMessagingHosts");
  CHECK(system_manifest_dirs(named("chrome"), Os::macos).front().string() ==
        "/Library/Google/Chrome/NativeMessagingHosts");
  CHECK(system_manifest_dirs(named("edge"), Os::macos).front().string() ==
        "/Library/Microsoft/Edge/NativeMessagingHosts");
  CHECK_FALSE(user_manifest_dir(named("firefox-flatpak"), Os::macos, home).has_value());

  CHECK(registry_key(named("chrome"), false) ==
        "HKEY_CURRENT_USER\\SOFTWARE\\Google\\Chrome\\NativeMessagingHosts\\org.untrain.host");
  CHECK(registry_key(named("firefox"), true) ==
        "HKEY_LOCAL_MACHINE\\SOFTWARE\\Mozilla\\NativeMessagingHosts\\org.untrain.host");
  CHECK(registry_key(named("edge"), false) ==
        "HKEY_CURRENT_USER\\SOFTWARE\\Microsoft\\Edge\\NativeMessagingHosts\\org.untrain.host");
  CHECK(registry_key(named("brave"), false) == registry_key(named("chrome"), false));
  CHECK_FALSE(registry_key(named("firefox-snap"), false).has_value());
}

TEST_CASE("all selects the browsers found by program on PATH or by a trace folder", "[browsers]") {
  auto m = machine({"chromium", "firefox-esr"}, {"/home/jane/.var/app/org.mozilla.firefox", "/home/jane/.librewolf"});
  CHECK(names(select_browsers("all", m, Selecting::found)) ==
        std::vector<std::string>{"chromium", "firefox", "librewolf", "firefox-flatpak"});
  CHECK(select_browsers("all", machine({}, {}), Selecting::found).empty());
  CHECK(select_browsers("all", machine({}, {}), Selecting::every).size() == known_browsers().size());
}

TEST_CASE("naming a browser also selects its Flatpak and Snap packages that are found", "[browsers]") {
  auto m = machine({}, {"/snap/firefox"});
  CHECK(names(select_browsers("firefox", m, Selecting::found)) == std::vector<std::string>{"firefox", "firefox-snap"});
  CHECK(names(select_browsers("firefox-flatpak", m, Selecting::found)) == std::vector<std::string>{"firefox-flatpak"});
  CHECK(names(select_browsers("chrome", m, Selecting::found)) == std::vector<std::string>{"chrome"});
}

TEST_CASE("an unknown browser is a usage error that lists the known ones", "[browsers]") {
  try {
    select_browsers("netscape", machine({}, {}), Selecting::found);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.outcome() == Outcome::usage);
    CHECK(std::string(e.what()).find("chromium, chrome") != std::string::npos);
  }
}

TEST_CASE("system-wide registration writes a browser's first folder, and the others only where their parent exists",
          "[browsers]") {
  Registration how;
  how.system = true;
  auto none = [](const std::filesystem::path&) { return false; };
  auto lib64 = [](const std::filesystem::path& p) { return p == "/usr/lib64/mozilla"; };
  CHECK(registration_dirs(named("firefox"), how, none) ==
        std::vector<std::filesystem::path>{"/usr/lib/mozilla/native-messaging-hosts"});
  CHECK(registration_dirs(named("firefox"), how, lib64).size() == 2);
  CHECK(registration_dirs(named("brave"), how, none).empty());

  how.destdir = "/tmp/stage";
  auto staged_lib64 = [](const std::filesystem::path& p) { return p == "/tmp/stage/usr/lib64/mozilla"; };
  CHECK(registration_dirs(named("firefox"), how, lib64).size() == 1);  // the build machine's /usr/lib64 does not count
  CHECK(registration_dirs(named("firefox"), how, staged_lib64).size() == 2);

  Registration mine;
  mine.account.home = "/home/jane";
  CHECK(registration_dirs(named("vivaldi"), mine, none) ==
        std::vector<std::filesystem::path>{"/home/jane/.config/vivaldi/NativeMessagingHosts"});
  mine.manifest_dir = "/tmp/profile/NativeMessagingHosts";
  CHECK(registration_dirs(named("vivaldi"), mine, none) ==
        std::vector<std::filesystem::path>{"/tmp/profile/NativeMessagingHosts"});
}
