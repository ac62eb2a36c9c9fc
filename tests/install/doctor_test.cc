// `untrain doctor` against real installs: clean when all is well, and each seeded fault reported
// with the right message, a fix, and exit status 1.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "person.h"

namespace {

const char* kChromiumManifest = ".config/chromium/NativeMessagingHosts/org.untrain.host.json";
const char* kFirefoxManifest = ".mozilla/native-messaging-hosts/org.untrain.host.json";

struct Doctor {
  int status;
  nlohmann::json report;

  // Every check with status "problem", as "id: message".
  std::vector<std::string> problems() const {
    std::vector<std::string> found;
    for (const auto& section : report["sections"]) {
      for (const auto& check : section["checks"]) {
        if (check["status"] == "problem")
          found.push_back(check["check"].get<std::string>() + ": " + check["message"].get<std::string>());
      }
    }
    return found;
  }
};

Doctor doctor(const Person& person, const std::vector<std::string>& more = {}) {
  std::vector<std::string> args{"doctor", "--json"};
  args.insert(args.end(), more.begin(), more.end());
  auto run = person.untrain(args);
  INFO(run.err);
  return {run.status, nlohmann::json::parse(run.out)};
}

// A person with Chromium and Firefox (one profile), untrain registered with both, and a database.
void install_both(Person& person) {
  person.has_folder(".config/chromium");
  write_text(person.home() / ".mozilla/firefox/profiles.ini",
             "[Profile0]\nName=default\nIsRelative=1\nPath=p.default-esr\n");
  write_text(person.home() / ".mozilla/firefox/p.default-esr/prefs.js", "user_pref(\"browser.startup.page\", 3);\n");
  REQUIRE(person.untrain({"install"}).status == 0);
  REQUIRE(person.untrain({"status", "--db", person.db().string()}).status == 0);  // creates the database
}

void edit_manifest(const std::filesystem::path& file, const std::function<void(nlohmann::json&)>& change) {
  auto manifest = read_json(file);
  change(manifest);
  write_text(file, manifest.dump(2));
}

// Doctor finds exactly one problem, of this check, whose message says `words`; and offers a fix.
void reports(const Person& person, const std::string& id, const std::string& words) {
  auto result = doctor(person);
  INFO(result.report.dump(2));
  CHECK(result.status == 1);
  CHECK(result.report["ok"] == false);
  auto problems = result.problems();
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].rfind(id + ": ", 0) == 0);
  CHECK(problems[0].find(words) != std::string::npos);
  for (const auto& section : result.report["sections"]) {
    for (const auto& check : section["checks"]) {
      if (check["status"] == "problem") CHECK_FALSE(check["fix"].is_null());
    }
  }
}

}  // namespace

TEST_CASE("doctor is clean on a correct install, having started the host as each browser does", "[doctor]") {
  Person person;
  install_both(person);
  auto result = doctor(person);
  INFO(result.report.dump(2));
  CHECK(result.status == 0);
  CHECK(result.report["ok"] == true);
  CHECK(result.problems().empty());
  std::vector<std::string> titles;
  int launched = 0;
  for (const auto& section : result.report["sections"]) {
    titles.push_back(section["title"]);
    for (const auto& check : section["checks"]) {
      CHECK(check["status"] != "warning");
      if (check["check"] == "launch" && check["status"] == "ok") ++launched;
    }
  }
  CHECK(titles == std::vector<std::string>{"Chromium", "Firefox", "Database"});
  CHECK(launched == 2);

  auto text = person.untrain({"doctor"});
  CHECK(text.status == 0);
  CHECK(text.out.find("No problems found.") != std::string::npos);
  CHECK(text.out.find("started as Chromium starts it; hello answered in") != std::string::npos);
}

TEST_CASE("seeded fault: the browser is found but untrain is not registered", "[doctor]") {
  Person person;
  install_both(person);
  std::filesystem::remove(person.home() / kChromiumManifest);
  reports(person, "manifest", "untrain is not registered with Chromium");
}

TEST_CASE("seeded fault: the manifest has the wrong file name", "[doctor]") {
  Person person;
  install_both(person);
  std::filesystem::rename(person.home() / kChromiumManifest,
                          person.home() / ".config/chromium/NativeMessagingHosts/untrain.json");
  reports(person, "manifest", "only reads a file named org.untrain.host.json");
}

TEST_CASE("seeded fault: the manifest is not valid JSON", "[doctor]") {
  Person person;
  install_both(person);
  write_text(person.home() / kChromiumManifest, "{\"name\": \"org.untrain.host\",\n");
  reports(person, "json", "is not valid JSON");
}

TEST_CASE("seeded fault: allowed_origins lacks the trailing slash", "[doctor]") {
  Person person;
  install_both(person);
  edit_manifest(person.home() / kChromiumManifest,
                [](auto& m) { m["allowed_origins"] = {"chrome-extension://cnfjdjaccjmkpgnehhaamchmmodophch"}; });
  reports(person, "allowed", "without the trailing \"/\"");
}

TEST_CASE("seeded fault: allowed_origins names another extension", "[doctor]") {
  Person person;
  install_both(person);
  edit_manifest(person.home() / kChromiumManifest,
                [](auto& m) { m["allowed_origins"] = {"chrome-extension://abcdefghijklmnopabcdefghijklmnop/"}; });
  reports(person, "allowed", "does not include untrain's extension");
}

TEST_CASE("seeded fault: a Chromium-style manifest in Firefox's folder", "[doctor]") {
  Person person;
  install_both(person);
  std::filesystem::copy_file(person.home() / kChromiumManifest, person.home() / kFirefoxManifest,
                             std::filesystem::copy_options::overwrite_existing);
  reports(person, "allowed", "Firefox refuses");
}

TEST_CASE("seeded fault: the path is relative", "[doctor]") {
  Person person;
  install_both(person);
  edit_manifest(person.home() / kChromiumManifest, [](auto& m) { m["path"] = "untrain"; });
  reports(person, "path", "is relative");
}

TEST_CASE("seeded fault: the program the manifest names is gone", "[doctor]") {
  Person person;
  install_both(person);
  auto gone = (person.scratch() / "old-prefix/bin/untrain").string();
  edit_manifest(person.home() / kChromiumManifest, [&](auto& m) { m["path"] = gone; });
  reports(person, "program", gone + " does not exist");
}

TEST_CASE("seeded fault: the program is not executable", "[doctor]") {
  Person person;
  install_both(person);
  auto copy = person.scratch() / "untrain";
  std::filesystem::copy_file(untrain_binary(), copy);
  std::filesystem::permissions(copy, std::filesystem::perms(0644));
  edit_manifest(person.home() / kChromiumManifest, [&](auto& m) { m["path"] = copy.string(); });
  reports(person, "program", "is not executable");
}

TEST_CASE("seeded fault: a wrapper script prints to stdout before starting the host", "[doctor]") {
  Person person;
  install_both(person);
  auto wrapper = person.scratch() / "untrain-wrapper";
  write_text(wrapper, "#!/bin/sh\necho \"starting untrain\"\nexec '" + untrain_binary() + "' \"$@\"\n");
  std::filesystem::permissions(wrapper, std::filesystem::perms(0755));
  edit_manifest(person.home() / kChromiumManifest, [&](auto& m) { m["path"] = wrapper.string(); });
  reports(person, "launch", "wrote something other than a native-messaging frame to stdout: \"starting untrain\\n");
}

TEST_CASE("seeded fault: the manifest can be changed by other users", "[doctor]") {
  Person person;
  install_both(person);
  std::filesystem::permissions(person.home() / kChromiumManifest, std::filesystem::perms(0666));
  reports(person, "permissions", "can be changed by other users");
}

TEST_CASE("seeded fault: the manifest belongs to another user, as after an install with sudo", "[doctor]") {
  if (::geteuid() != 0) {
    WARN("not root: cannot give a file to another user");
    return;
  }
  Person person;
  install_both(person);
  REQUIRE(::chown((person.home() / kChromiumManifest).c_str(), 65534, 65534) == 0);
  reports(person, "permissions", "is owned by nobody, not tester");
}

TEST_CASE("seeded fault: a hardened Firefox profile switches native messaging off", "[doctor]") {
  Person person;
  install_both(person);
  write_text(person.home() / ".mozilla/firefox/p.default-esr/user.js",
             "user_pref(\"webextensions.native-messaging.max-input-message-bytes\", 0);\n");
  reports(person, "firefox-prefs", "switches native messaging off");
}

TEST_CASE("seeded fault: a profile under ~/.config/mozilla switches native messaging off", "[doctor]") {
  Person person;
  write_text(person.home() / ".config/mozilla/firefox/profiles.ini",
             "[Profile0]\nName=default\nIsRelative=1\nPath=x.default\n");
  write_text(person.home() / ".config/mozilla/firefox/x.default/prefs.js",
             "user_pref(\"webextensions.native-messaging.max-output-message-bytes\", 0);\n");
  REQUIRE(person.untrain({"install"}).status == 0);
  reports(person, "firefox-prefs",
          "profile x.default sets webextensions.native-messaging.max-output-message-bytes to 0");
}

TEST_CASE("seeded fault: the database is not a database", "[doctor]") {
  Person person;
  install_both(person);
  // The trail is the file with its write-ahead log: the fault replaces both.
  for (const char* companion : {"-wal", "-shm"}) std::filesystem::remove(person.db().string() + companion);
  write_text(person.db(), std::string(4096, 'x'));
  reports(person, "database", "not a database");
}

TEST_CASE("seeded fault: a Flatpak browser may not start untrain on the host", "[doctor]") {
  Person person;
  person.has_folder(".var/app/org.chromium.Chromium");
  REQUIRE(person.untrain({"install", "--browser", "chromium-flatpak"}).status == 0);
  auto flatpak = person.home() / ".local/share/flatpak";
  write_text(
      flatpak / "app/org.chromium.Chromium/current/active/metadata",
      "[Application]\nname=org.chromium.Chromium\n\n[Context]\nshared=network;ipc;\nfilesystems=xdg-download;\n");
  reports(person, "sandbox", "may not start programs outside its sandbox");

  write_text(flatpak / "overrides/org.chromium.Chromium", "[Session Bus Policy]\norg.freedesktop.Flatpak=talk\n");
  auto granted = doctor(person);
  INFO(granted.report.dump(2));
  CHECK(granted.status == 0);
}

TEST_CASE("seeded fault: Snap Firefox without a manifest where the desktop portal looks", "[doctor]") {
  Person person;
  person.has_folder("snap/firefox");
  REQUIRE(person.untrain({"install", "--browser", "firefox-snap"}).status == 0);
  reports(person, "sandbox", "untrain is not registered there");
  REQUIRE(person.untrain({"install", "--browser", "firefox"}).status == 0);
  CHECK(doctor(person).status == 0);
}

TEST_CASE("doctor with no browser found says so", "[doctor]") {
  Person person;
  auto result = doctor(person);
  CHECK(result.status == 1);
  REQUIRE(result.problems().size() == 1);
  CHECK(result.problems()[0].find("no supported browser found") != std::string::npos);
}

TEST_CASE("doctor checks a custom --manifest-dir, as for a browser's --user-data-dir", "[doctor]") {
  Person person;
  auto folder = person.scratch() / "profile/NativeMessagingHosts";
  REQUIRE(person.untrain({"install", "--browser", "chromium", "--manifest-dir", folder.string()}).status == 0);
  auto result = doctor(person, {"--browser", "chromium", "--manifest-dir", folder.string()});
  INFO(result.report.dump(2));
  CHECK(result.status == 0);
  CHECK(result.report["sections"][0]["subject"] == (folder / "org.untrain.host.json").string());
}
