#include "doctor/doctor_checks.h"

#include <catch2/catch.hpp>

#include "install/host_manifest.h"

using namespace untrain;

namespace {

Account jane() { return Account{"jane", 1000, 1000, "/home/jane", false}; }

FileFacts owned(uid_t uid, unsigned mode, bool directory = false) {
  FileFacts f;
  f.exists = true;
  f.directory = directory;
  f.regular = !directory;
  f.uid = uid;
  f.gid = uid;
  f.mode = mode;
  f.owner = uid == 0 ? "root" : uid == 1000 ? "jane" : "uid " + std::to_string(uid);
  return f;
}

ManifestSite site(const char* browser, std::optional<std::string> text = std::nullopt) {
  ManifestSite s;
  s.browser = find_browser(browser);
  s.folder = "/home/jane/.config/chromium/NativeMessagingHosts";
  s.file = s.folder / "org.untrain.host.json";
  s.folder_facts = owned(1000, 0755, true);
  s.file_facts = owned(1000, 0644);
  s.text = text;
  return s;
}

std::vector<Check> problems(const std::vector<Check>& checks) {
  std::vector<Check> out;
  for (const auto& c : checks) {
    if (c.status == Status::problem) out.push_back(c);
  }
  return out;
}

// The one problem of these checks, whose message must contain `words`.
Check the_problem(const std::vector<Check>& checks, const std::string& id, const std::string& words) {
  auto found = problems(checks);
  REQUIRE(found.size() == 1);
  CHECK(found[0].id == id);
  INFO(found[0].message);
  CHECK(found[0].message.find(words) != std::string::npos);
  CHECK_FALSE(found[0].fix.empty());
  return found[0];
}

std::string manifest_with(const char* key, nlohmann::json value, Family family = Family::chromium) {
  auto m = host_manifest(family, "/usr/bin/untrain");
  if (value.is_null()) m.erase(key);
  else m[key] = value;
  return m.dump();
}

HelloOutcome answered(const std::string& version) {
  HelloOutcome o;
  o.started = true;
  o.reply =
      nlohmann::json{{"id", 1}, {"ok", true}, {"result", {{"host", "untrain"}, {"version", version}, {"protocol", 1}}}};
  o.exit_status = 0;
  o.elapsed_ms = 7;
  return o;
}

}  // namespace

TEST_CASE("a missing manifest means untrain is not registered, fixed by install for that browser", "[doctor]") {
  auto s = site("chromium");
  s.file_facts = {};
  auto check = presence_check(s);
  CHECK(check.status == Status::problem);
  CHECK(check.message.find("not registered with Chromium") != std::string::npos);
  CHECK(check.fix == "untrain install --browser chromium");
  s.system = true;
  CHECK(presence_check(s).fix == "sudo untrain install --browser chromium --system");
}

TEST_CASE("a manifest under another file name is named as the reason", "[doctor]") {
  auto s = site("chromium");
  s.file_facts = {};
  s.misnamed = {s.folder / "org.untrain.host.JSON"};
  auto check = presence_check(s);
  CHECK(check.status == Status::problem);
  CHECK(check.message.find("only reads a file named org.untrain.host.json") != std::string::npos);
}

TEST_CASE("a correct manifest passes every content check", "[doctor]") {
  for (auto browser : {"chromium", "firefox"}) {
    auto family = find_browser(browser)->family;
    auto content = content_checks(site(browser, host_manifest_text(family, "/usr/bin/untrain")));
    CHECK(problems(content.checks).empty());
    CHECK(content.program == std::filesystem::path("/usr/bin/untrain"));
  }
}

TEST_CASE("content faults are each reported with what is wrong", "[doctor]") {
  the_problem(content_checks(site("chromium", "{\"name\": ")).checks, "json", "not valid JSON");
  the_problem(content_checks(site("chromium", manifest_with("name", "org.untrain.Host"))).checks, "name",
              "\"org.untrain.Host\"");
  the_problem(content_checks(site("chromium", manifest_with("type", "pipe"))).checks, "type", "not \"stdio\"");
  the_problem(content_checks(site("chromium", manifest_with("allowed_origins",
                                                            {"chrome-extension://cnfjdjaccjmkpgnehhaamchmmodophch"})))
                  .checks,
              "allowed", "without the trailing \"/\"");
  the_problem(content_checks(site("chromium", manifest_with("allowed_origins",
                                                            {"chrome-extension://aaaabbbbccccddddeeeeffffgggghhhh/"})))
                  .checks,
              "allowed", "does not include untrain's extension");
  the_problem(content_checks(site("chromium", host_manifest_text(Family::firefox, "/usr/bin/untrain"))).checks,
              "allowed", "Firefox-family manifest");
  the_problem(
      content_checks(site("firefox", manifest_with("allowed_origins", {"chrome-extension://x/"}, Family::firefox)))
          .checks,
      "allowed", "refuses");
  the_problem(
      content_checks(site("firefox", manifest_with("allowed_extensions", {"other@example.org"}, Family::firefox)))
          .checks,
      "allowed", "does not include \"untrain@untrain.org\"");
  auto relative = content_checks(site("chromium", manifest_with("path", "bin/untrain")));
  the_problem(relative.checks, "path", "is relative");
  CHECK_FALSE(relative.program);
}

TEST_CASE("per-user files must be the person's and not writable by others", "[doctor]") {
  CHECK(problems(permission_checks(site("chromium"), jane())).empty());

  auto root_owned = site("chromium");
  root_owned.file_facts = owned(0, 0644);
  auto fix = the_problem(permission_checks(root_owned, jane()), "permissions", "owned by root, not jane").fix;
  CHECK(fix == "sudo chown jane: /home/jane/.config/chromium/NativeMessagingHosts/org.untrain.host.json");

  auto unreadable = site("chromium");
  unreadable.file_facts = owned(0, 0600);
  CHECK(problems(permission_checks(unreadable, jane())).size() == 2);  // not readable, and not jane's

  auto writable = site("chromium");
  writable.file_facts = owned(1000, 0666);
  the_problem(permission_checks(writable, jane()), "permissions", "can be changed by other users");

  auto folder = site("chromium");
  folder.folder_facts = owned(0, 0755, true);
  the_problem(permission_checks(folder, jane()), "permissions", "cannot add or update manifests");
}

TEST_CASE("system-wide files must be root's and readable by every user", "[doctor]") {
  auto s = site("chromium");
  s.system = true;
  s.folder_facts = owned(0, 0755, true);
  s.file_facts = owned(0, 0644);
  CHECK(problems(permission_checks(s, jane())).empty());
  s.file_facts = owned(0, 0600);  // a root umask of 077
  the_problem(permission_checks(s, jane()), "permissions", "cannot be read by every user");
  s.file_facts = owned(1000, 0644);
  the_problem(permission_checks(s, jane()), "permissions", "owned by jane, not root");
}

TEST_CASE("the program must exist and be executable", "[doctor]") {
  auto s = site("chromium");
  CHECK(problems(program_checks("/usr/bin/untrain", owned(0, 0755), true, s)).empty());
  the_problem(program_checks("/usr/bin/untrain", {}, false, s), "program", "does not exist");
  auto fix = the_problem(program_checks("/usr/bin/untrain", owned(0, 0644), false, s), "program", "not executable").fix;
  CHECK(fix == "chmod 755 /usr/bin/untrain");
}

TEST_CASE("hello: an answer from this version is clean, and each way of failing is told apart", "[doctor]") {
  auto s = site("chromium");
  CHECK(problems(hello_checks(answered("0.1.0"), "/usr/bin/untrain", "0.1.0", s)).empty());
  the_problem(hello_checks(answered("0.0.9"), "/usr/bin/untrain", "0.1.0", s), "version",
              "is untrain 0.0.9, this is untrain 0.1.0");

  HelloOutcome printed;
  printed.started = true;
  printed.not_a_frame = "starting untrain\\n";
  the_problem(hello_checks(printed, "/x", "0.1.0", s), "launch", "something other than a native-messaging frame");

  HelloOutcome crashed;
  crashed.started = true;
  crashed.exit_status = 1;
  crashed.stderr_text = "error while loading shared libraries: libsqlite3.so.0\n";
  auto c = the_problem(hello_checks(crashed, "/x", "0.1.0", s), "launch", "exited with status 1 before replying");
  CHECK(c.message.find("libsqlite3.so.0") != std::string::npos);

  HelloOutcome silent;
  silent.started = true;
  silent.timed_out = true;
  the_problem(hello_checks(silent, "/x", "0.1.0", s), "launch", "did not answer hello");

  HelloOutcome unstartable;
  unstartable.start_error = "Permission denied";
  the_problem(hello_checks(unstartable, "/x", "0.1.0", s), "launch", "cannot start /x: Permission denied");

  auto chatty = answered("0.1.0");
  chatty.trailing = "bye";
  the_problem(hello_checks(chatty, "/x", "0.1.0", s), "launch", "after its reply");
}

TEST_CASE("Flatpak: the wrapper works only with the permission to start programs on the host", "[doctor]") {
  auto s = site("firefox-flatpak");
  std::filesystem::path wrapper =
      "/home/jane/.var/app/org.mozilla.firefox/.mozilla/native-messaging-hosts/org.untrain.host.sh";
  std::string metadata = "[Context]\nshared=network;\n";
  CHECK(flatpak_check(s, wrapper, "/home/jane", std::filesystem::path("/usr/bin/untrain"),
                      {metadata, "[Session Bus Policy]\norg.freedesktop.Flatpak=talk\n"})
            .status == Status::ok);
  auto denied = flatpak_check(s, wrapper, "/home/jane", std::filesystem::path("/usr/bin/untrain"), {metadata});
  CHECK(denied.status == Status::problem);
  CHECK(denied.fix == "flatpak override --user --talk-name=org.freedesktop.Flatpak org.mozilla.firefox");
  CHECK(flatpak_check(s, wrapper, "/home/jane", std::filesystem::path("/usr/bin/untrain"), {}).status ==
        Status::warning);
  auto hidden = flatpak_check(s, "/usr/bin/untrain", "/home/jane", std::nullopt, {metadata});
  CHECK(hidden.status == Status::problem);
  CHECK(hidden.message.find("cannot see /usr/bin/untrain") != std::string::npos);
}

TEST_CASE("Snap Firefox needs untrain registered where the desktop portal looks", "[doctor]") {
  auto s = site("firefox-snap");
  CHECK(snap_check(s, true, "/home/jane/.mozilla/native-messaging-hosts/org.untrain.host.json").status == Status::ok);
  auto missing = snap_check(s, false, "/home/jane/.mozilla/native-messaging-hosts/org.untrain.host.json");
  CHECK(missing.status == Status::problem);
  CHECK(missing.fix == "untrain install --browser firefox");
}

TEST_CASE("Firefox prefs that switch native messaging off are reported per profile", "[doctor]") {
  std::vector<ProfilePrefs> profiles = {
      {"/home/jane/.mozilla/firefox/a.default", "", ""},
      {"/home/jane/.mozilla/firefox/b.hardened", "",
       "user_pref(\"webextensions.native-messaging.max-input-message-bytes\", 0);\n"}};
  auto check = the_problem(firefox_pref_checks(profiles), "firefox-prefs", "profile b.hardened sets");
  CHECK(check.fix.find("/home/jane/.mozilla/firefox/b.hardened/user.js") != std::string::npos);
  profiles.pop_back();
  CHECK(firefox_pref_checks(profiles).front().status == Status::ok);
}

TEST_CASE("the database: missing is fine, unreadable or damaged is not", "[doctor]") {
  DatabaseFacts facts;
  facts.path = "/home/jane/.local/share/untrain/untrain.db";
  CHECK(database_check(facts).status == Status::ok);
  facts.exists = true;
  facts.quick_check = "ok";
  facts.schema_version = 1;
  CHECK(database_check(facts).status == Status::ok);
  facts.quick_check = "*** in database main ***\nPage 3: btreeInitPage() returns error code 11";
  CHECK(database_check(facts).status == Status::problem);
  facts.open_error = "file is not a database";
  auto check = database_check(facts);
  CHECK(check.status == Status::problem);
  CHECK(check.message.find("file is not a database") != std::string::npos);
}
