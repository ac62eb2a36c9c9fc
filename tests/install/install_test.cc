// `untrain install` and `uninstall` for every browser layout, as a person runs them.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "install/browsers.h"
#include "person.h"

namespace {

const std::string kManifest = "org.untrain.host.json";
const std::string kWrapper = "org.untrain.host.sh";

// Where each browser reads a per-user manifest (docs/deploy.md, "Where browsers look"), written
// out here rather than taken from the browser table, so that the table is checked against it.
const std::map<std::string, std::string> kUserFolders = {
    {"chromium", ".config/chromium/NativeMessagingHosts"},
    {"chrome", ".config/google-chrome/NativeMessagingHosts"},
    {"edge", ".config/microsoft-edge/NativeMessagingHosts"},
    {"brave", ".config/BraveSoftware/Brave-Browser/NativeMessagingHosts"},
    {"vivaldi", ".config/vivaldi/NativeMessagingHosts"},
    {"opera", ".config/opera/NativeMessagingHosts"},
    {"firefox", ".mozilla/native-messaging-hosts"},
    {"librewolf", ".librewolf/native-messaging-hosts"},
    {"chromium-flatpak", ".var/app/org.chromium.Chromium/config/chromium/NativeMessagingHosts"},
    {"chrome-flatpak", ".var/app/com.google.Chrome/config/google-chrome/NativeMessagingHosts"},
    {"edge-flatpak", ".var/app/com.microsoft.Edge/config/microsoft-edge/NativeMessagingHosts"},
    {"brave-flatpak", ".var/app/com.brave.Browser/config/BraveSoftware/Brave-Browser/NativeMessagingHosts"},
    {"vivaldi-flatpak", ".var/app/com.vivaldi.Vivaldi/config/vivaldi/NativeMessagingHosts"},
    {"firefox-flatpak", ".var/app/org.mozilla.firefox/.mozilla/native-messaging-hosts"},
    {"librewolf-flatpak", ".var/app/io.gitlab.librewolf-community/.librewolf/native-messaging-hosts"},
    {"firefox-snap", "snap/firefox/common/.mozilla/native-messaging-hosts"},
};

bool flatpak(const std::string& name) { return name.size() > 8 && name.substr(name.size() - 8) == "-flatpak"; }

std::set<std::string> expected_files(const std::string& name) {
  std::set<std::string> files{kUserFolders.at(name) + "/" + kManifest};
  if (flatpak(name)) files.insert(kUserFolders.at(name) + "/" + kWrapper);
  return files;
}

unsigned mode_of(const std::filesystem::path& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

}  // namespace

TEST_CASE("every browser in the table has a per-user folder this test knows", "[install]") {
  for (const auto& browser : untrain::known_browsers()) {
    INFO(browser.name);
    CHECK(kUserFolders.count(browser.name) == 1);
  }
  CHECK(kUserFolders.size() == untrain::known_browsers().size());
}

TEST_CASE("install then uninstall writes and removes exactly one browser's files, for every browser layout",
          "[install]") {
  for (const auto& [name, folder] : kUserFolders) {
    INFO(name);
    Person person;
    auto installed = person.untrain({"install", "--browser", name});
    INFO(installed.out << installed.err);
    REQUIRE(installed.status == 0);
    CHECK(person.files() == expected_files(name));

    auto manifest_path = person.home() / folder / kManifest;
    auto manifest = read_json(manifest_path);
    CHECK(manifest["name"] == "org.untrain.host");
    CHECK(mode_of(manifest_path) == 0644);
    bool firefox_family = name.find("firefox") != std::string::npos || name.find("librewolf") != std::string::npos;
    CHECK(manifest.contains(firefox_family ? "allowed_extensions" : "allowed_origins"));
    CHECK_FALSE(manifest.contains(firefox_family ? "allowed_origins" : "allowed_extensions"));
    if (flatpak(name)) {
      // The sandboxed browser runs the wrapper next to the manifest, which starts untrain on the host.
      CHECK(manifest["path"] == (person.home() / folder / kWrapper).string());
      CHECK(mode_of(person.home() / folder / kWrapper) == 0755);
      CHECK(installed.out.find("flatpak override --user --talk-name=org.freedesktop.Flatpak") != std::string::npos);
    } else {
      CHECK(manifest["path"] == untrain_binary());
    }
    CHECK(installed.out.find(name + ": wrote " + manifest_path.string()) != std::string::npos);

    auto again = person.untrain({"install", "--browser", name});
    CHECK(again.status == 0);
    CHECK(again.out.find("unchanged") != std::string::npos);
    CHECK(person.files() == expected_files(name));

    auto removed = person.untrain({"uninstall", "--browser", name});
    CHECK(removed.status == 0);
    CHECK(removed.out.find(name + ": removed " + manifest_path.string()) != std::string::npos);
    CHECK(person.files().empty());
    auto nothing = person.untrain({"uninstall", "--browser", name});
    CHECK(nothing.out.find("was not registered") != std::string::npos);
  }
}

TEST_CASE("install for all registers exactly the browsers found, Flatpak and Snap ones included", "[install]") {
  Person person;
  person.has_folder(".config/chromium");              // Chromium has been used
  person.has_program("brave-browser");                // Brave is installed, never started
  person.has_folder(".mozilla/firefox");              // Firefox has a profile
  person.has_folder(".var/app/org.mozilla.firefox");  // and so has its Flatpak
  person.has_folder("snap/firefox");                  // and its Snap
  auto run = person.untrain({"install"});             // --browser all is the default
  INFO(run.out << run.err);
  REQUIRE(run.status == 0);
  std::set<std::string> expected;
  for (auto name : {"chromium", "brave", "firefox", "firefox-flatpak", "firefox-snap"}) {
    for (const auto& file : expected_files(name)) expected.insert(file);
  }
  CHECK(person.files() == expected);

  auto removed = person.untrain({"uninstall"});
  CHECK(removed.status == 0);
  CHECK(person.files().empty());
  CHECK(person.untrain({"uninstall"}).out == "untrain was not registered with any browser\n");
}

TEST_CASE("install for all with no browser found says so and fails", "[install]") {
  Person person;
  auto run = person.untrain({"install", "--browser", "all"});
  CHECK(run.status == 1);
  CHECK(run.err.find("no supported browser found") != std::string::npos);
  CHECK(person.files().empty());
}

TEST_CASE("an unknown browser, or --manifest-dir with all, is a usage error", "[install]") {
  Person person;
  auto unknown = person.untrain({"install", "--browser", "netscape"});
  CHECK(unknown.status == 2);
  CHECK(unknown.err.find("unknown browser 'netscape'") != std::string::npos);
  CHECK(person.untrain({"install", "--manifest-dir", (person.scratch() / "x").string()}).status == 2);
  CHECK(person.untrain({"install", "--system", "--manifest-dir", (person.scratch() / "x").string()}).status == 2);
}

TEST_CASE("install --manifest-dir registers one browser in a folder of one's choice, such as a --user-data-dir",
          "[install]") {
  Person person;
  auto folder = person.scratch() / "profile" / "NativeMessagingHosts";
  auto run = person.untrain({"install", "--browser", "chromium", "--manifest-dir", folder.string()});
  REQUIRE(run.status == 0);
  CHECK(read_json(folder / kManifest)["allowed_origins"][0] == "chrome-extension://cnfjdjaccjmkpgnehhaamchmmodophch/");
  CHECK(person.files().empty());
}

TEST_CASE("install --system --destdir stages every browser's system folder, naming the packaged binary", "[install]") {
  Person person;
  auto root = person.scratch() / "stage";
  auto run = person.untrain({"install", "--system", "--destdir", root.string(), "--binary", "/usr/bin/untrain"});
  INFO(run.out << run.err);
  REQUIRE(run.status == 0);
  std::set<std::string> staged;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) staged.insert(std::filesystem::relative(entry.path(), root).string());
  }
  CHECK(staged == std::set<std::string>{
                      "etc/chromium/native-messaging-hosts/org.untrain.host.json",
                      "etc/opt/chrome/native-messaging-hosts/org.untrain.host.json",
                      "etc/opt/edge/native-messaging-hosts/org.untrain.host.json",
                      "etc/opt/vivaldi/native-messaging-hosts/org.untrain.host.json",
                      "usr/lib/mozilla/native-messaging-hosts/org.untrain.host.json",
                      "usr/lib/librewolf/native-messaging-hosts/org.untrain.host.json",
                  });
  for (const auto& file : staged) {
    CHECK(read_json(root / file)["path"] == "/usr/bin/untrain");
    CHECK(mode_of(root / file) == 0644);
  }
  CHECK(person.files().empty());  // nothing in anyone's home
  CHECK(run.out.find("brave: skipped: Brave has no system-wide folder here") != std::string::npos);
}

TEST_CASE("run by root through sudo, the files and folders written belong to the person who ran sudo", "[install]") {
  if (::geteuid() != 0) {
    WARN("not root: sudo's hand-over of files cannot be checked");
    return;
  }
  Person person;
  auto folder = person.scratch() / "made" / "by" / "sudo";
  auto run = person.untrain({"install", "--browser", "chromium", "--manifest-dir", folder.string()},
                            {{"SUDO_USER", "nobody"}, {"SUDO_UID", "65534"}, {"SUDO_GID", "65534"}, {"HOME", "/root"}});
  INFO(run.out << run.err);
  REQUIRE(run.status == 0);
  for (const auto& path : {folder / kManifest, folder, folder.parent_path(), folder.parent_path().parent_path()}) {
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    INFO(path);
    CHECK(st.st_uid == 65534);
  }
  struct stat scratch {};
  REQUIRE(::stat(person.scratch().c_str(), &scratch) == 0);
  CHECK(scratch.st_uid == 0);  // what existed before is left alone
}

TEST_CASE(
    "Firefox with its profiles under ~/.config/mozilla (Firefox 147 and later) is found and registered in ~/.mozilla",
    "[install]") {
  // Firefox ESR 153 keeps a new user's profiles there but reads ~/.mozilla/native-messaging-hosts,
  // as the Firefox end-to-end tests show.
  Person person;
  person.has_folder(".config/mozilla/firefox");
  REQUIRE(person.untrain({"install"}).status == 0);
  CHECK(person.files() == expected_files("firefox"));
}

TEST_CASE("uninstall leaves alone what untrain did not write at its manifest's name: another file, a link, a folder",
          "[install]") {
  Person person;
  auto folder = person.home() / kUserFolders.at("chromium");
  std::filesystem::create_directories(folder);
  auto manifest = folder / kManifest;
  const std::string other = R"({"name": "com.example.other", "path": "/usr/bin/other"})";

  write_text(manifest, other);
  auto run = person.untrain({"uninstall", "--browser", "chromium"});
  CHECK(run.status == 0);
  CHECK(run.out == "chromium: left alone, not written by untrain: " + manifest.string() + "\n");
  CHECK(read_json(manifest)["name"] == "com.example.other");

  // A link at the name, even to a manifest of untrain's, is someone else's doing: neither followed nor removed.
  auto elsewhere = person.scratch() / "org.untrain.host.json";
  write_text(elsewhere, R"({"name": "org.untrain.host", "path": "/usr/bin/untrain"})");
  std::filesystem::remove(manifest);
  std::filesystem::create_symlink(elsewhere, manifest);
  run = person.untrain({"uninstall", "--browser", "chromium"});
  CHECK(run.out.find("left alone") != std::string::npos);
  CHECK(std::filesystem::is_symlink(manifest));
  CHECK(std::filesystem::exists(elsewhere));

  std::filesystem::remove(manifest);
  std::filesystem::create_directory(manifest);
  run = person.untrain({"uninstall"});
  CHECK(run.status == 0);
  CHECK(run.out == "chromium: left alone, not written by untrain: " + manifest.string() + "\n");
  CHECK(std::filesystem::is_directory(manifest));
}

TEST_CASE("uninstall removes a manifest of untrain's whatever program it names, and a Flatpak wrapper only if ours",
          "[install]") {
  Person person;
  auto folder = person.home() / kUserFolders.at("chromium-flatpak");
  REQUIRE(person.untrain({"install", "--browser", "chromium-flatpak"}).status == 0);
  // An older install may have named another path: the manifest is still untrain's.
  write_text(folder / kManifest, R"({"name": "org.untrain.host", "path": "/opt/old/untrain"})");
  write_text(folder / kWrapper, "#!/bin/sh\nexec something-else \"$@\"\n");
  auto run = person.untrain({"uninstall", "--browser", "chromium-flatpak"});
  INFO(run.out << run.err);
  CHECK(run.status == 0);
  CHECK(run.out.find("left alone, not written by untrain: " + (folder / kWrapper).string()) != std::string::npos);
  CHECK(run.out.find("removed " + (folder / kManifest).string()) != std::string::npos);
  CHECK(person.files() == std::set<std::string>{kUserFolders.at("chromium-flatpak") + "/" + kWrapper});
}
