// The judgements of `untrain doctor`: facts gathered about a browser's manifest, the program it
// names, the sandbox, the Firefox profiles and the database go in; checks, each with a message a
// person can act on and a fix, come out. Pure: doctor_probe.h gathers the facts.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "doctor/firefox_prefs.h"
#include "doctor/host_launch.h"
#include "install/account.h"
#include "install/browsers.h"

namespace untrain {

enum class Status { ok, problem, warning, skipped };

struct Check {
  std::string id;  // stable, for --json: manifest, permissions, json, name, type, allowed, path, ...
  Status status;
  std::string message;
  std::string fix;  // what to run or do; empty when nothing needs doing
};

std::string_view status_name(Status status);

struct FileFacts {
  bool exists = false;
  bool directory = false;
  bool regular = false;
  UserId uid = 0;
  GroupId gid = 0;
  unsigned mode = 0;  // permission bits
  std::string owner;  // the owner's user name (or uid)
};

// One place a browser reads a manifest from, and what doctor found there.
struct ManifestSite {
  const Browser* browser = nullptr;
  bool system = false;  // a system-wide folder
  bool custom = false;  // given with --manifest-dir
  std::filesystem::path folder;
  std::filesystem::path file;
  FileFacts folder_facts;
  FileFacts file_facts;
  std::optional<std::string> text;  // the manifest's bytes, when it could be read
  std::string read_error;
  std::vector<std::filesystem::path> misnamed;  // other files in the folder that name our host
};

// What a manifest says, once its JSON has been judged well-formed enough to say it.
struct ManifestContent {
  std::vector<Check> checks;
  std::optional<std::filesystem::path> program;  // the path, when it is a string
};

// The command that fixes a site: `untrain install --browser NAME` (with sudo and --system for a
// system folder, --manifest-dir for a custom one).
std::string install_fix(const ManifestSite& site);

Check presence_check(const ManifestSite& site);
std::vector<Check> permission_checks(const ManifestSite& site, const Account& account);
// Windows: the registry value the browser reads (registry_key()) must name this site's manifest.
// `registered`: the key's default value, nullopt when the key is missing.
Check registry_check(const ManifestSite& site, const std::optional<std::string>& registered);
ManifestContent content_checks(const ManifestSite& site);

// The program a manifest names (or, for our Flatpak wrapper, the host binary it starts).
std::vector<Check> program_checks(const std::filesystem::path& program, const FileFacts& facts, bool executable,
                                  const ManifestSite& site);

// Flatpak: can the sandbox see the manifest's path, and may it start untrain on the host?
// `app_ini` holds the app's metadata and overrides (empty when none could be found).
Check flatpak_check(const ManifestSite& site, const std::filesystem::path& program, const std::filesystem::path& home,
                    const std::optional<std::filesystem::path>& wrapper_target,
                    const std::vector<std::string>& app_ini);

// Snap: Firefox as a Snap starts hosts through the desktop portal, which reads the manifest in the
// ordinary ~/.mozilla folder; `unconfined_manifest` says whether untrain is registered there.
Check snap_check(const ManifestSite& site, bool unconfined_manifest, const std::filesystem::path& unconfined_file);

// Root (sudo untrain doctor) never starts a program that someone else could have named: when the manifest or its
// folder is not root's, the launch is skipped, and the check says why and how to run it. nullopt: launch it.
std::optional<Check> launch_refusal(const ManifestSite& site, UserId euid);

// The hello round trip: the launch itself, then the version it reports.
std::vector<Check> hello_checks(const HelloOutcome& outcome, const std::filesystem::path& program,
                                const std::string& expected_version, const ManifestSite& site);

struct ProfilePrefs {
  std::filesystem::path profile;
  std::string prefs_js;
  std::string user_js;
};
std::vector<Check> firefox_pref_checks(const std::vector<ProfilePrefs>& profiles);

struct DatabaseFacts {
  std::filesystem::path path;
  bool exists = false;
  std::optional<std::string> open_error;   // opening or reading it failed
  std::optional<std::string> quick_check;  // PRAGMA quick_check's answer ("ok" when healthy)
  std::optional<int> schema_version;
  std::vector<std::filesystem::path> moved_aside;  // damaged databases moved aside (corrupt_database.h)
};
Check database_check(const DatabaseFacts& facts);
// A problem for each damaged database moved aside from this one's folder; nothing when there is none.
std::vector<Check> moved_aside_checks(const DatabaseFacts& facts);

}  // namespace untrain
