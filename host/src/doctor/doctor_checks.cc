#include "doctor/doctor_checks.h"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "core/extension_identity.h"
#include "install/flatpak.h"

namespace untrain {
namespace {

Check ok(std::string id, std::string message) { return {std::move(id), Status::ok, std::move(message), ""}; }
Check problem(std::string id, std::string message, std::string fix) {
  return {std::move(id), Status::problem, std::move(message), std::move(fix)};
}

std::string mode_text(unsigned mode) {
  char text[8];
  std::snprintf(text, sizeof text, "%04o", mode & 07777);
  return text;
}

std::string json_string(const std::string& text) { return nlohmann::json(text).dump(); }

bool can(const FileFacts& f, const Account& reader, unsigned owner_bit, unsigned group_bit, unsigned other_bit) {
  if (f.uid == reader.uid) return f.mode & owner_bit;
  if (f.gid == reader.gid) return f.mode & group_bit;
  return f.mode & other_bit;
}

}  // namespace

std::string_view status_name(Status status) {
  switch (status) {
    case Status::ok: return "ok";
    case Status::problem: return "problem";
    case Status::warning: return "warning";
    case Status::skipped: return "skipped";
  }
  return "?";
}

std::string install_fix(const ManifestSite& site) {
  std::string command = "untrain install --browser " + site.browser->name;
  if (site.custom) return command + " --manifest-dir " + site.folder.string();
  if (site.system) return "sudo " + command + " --system";
  return command;
}

Check presence_check(const ManifestSite& site) {
  if (site.file_facts.exists && site.file_facts.regular)
    return ok("manifest", "manifest present: " + site.file.string());
  if (site.file_facts.exists) {
    return problem("manifest", site.file.string() + " is not a regular file", "remove it, then: " + install_fix(site));
  }
  if (!site.misnamed.empty()) {
    return problem("manifest",
                   site.misnamed.front().string() + " names " + kHostName + ", but " + site.browser->title +
                       " only reads a file named " + manifest_file_name(),
                   "rename it to " + manifest_file_name() + ", or remove it and run: " + install_fix(site));
  }
  return problem("manifest", "untrain is not registered with " + site.browser->title + ": no " + site.file.string(),
                 install_fix(site));
}

std::vector<Check> permission_checks(const ManifestSite& site, const Account& account) {
  std::vector<Check> checks;
  const auto& folder = site.folder_facts;
  const auto& file = site.file_facts;
  std::string folder_name = site.folder.string(), file_name = site.file.string();
  std::string sudo = site.system || account.uid != file.uid ? "sudo " : "";

  // Who must be able to read it: the member, or for a system folder every user.
  Account everyone;
  everyone.uid = static_cast<UserId>(-1);
  everyone.gid = static_cast<GroupId>(-1);
  const Account& reader = site.system ? everyone : account;
  std::string reader_name = site.system ? "every user" : account.name;

  if (!can(folder, reader, 0500, 0050, 0005)) {
    checks.push_back(problem("permissions",
                             folder_name + " (mode " + mode_text(folder.mode) + ", owner " + folder.owner +
                                 ") cannot be listed by " + reader_name,
                             "sudo chmod 755 " + folder_name));
  }
  if (!can(file, reader, 0400, 0040, 0004)) {
    checks.push_back(problem("permissions",
                             file_name + " (mode " + mode_text(file.mode) + ", owner " + file.owner +
                                 ") cannot be read by " + reader_name + ", so the browser cannot read it",
                             sudo + "chmod 644 " + file_name));
  }
  UserId expected = site.system ? 0 : account.uid;
  std::string expected_name = site.system ? "root" : account.name;
  if (file.uid != expected) {
    std::string why = site.system ? ": whoever owns it can make every user's browser start another program"
                                  : " (was it installed with sudo?): " + account.name + " cannot update or remove it";
    checks.push_back(problem("permissions", file_name + " is owned by " + file.owner + ", not " + expected_name + why,
                             "sudo chown " + expected_name + ": " + file_name));
  }
  if (!site.system && folder.uid != expected) {
    checks.push_back(problem("permissions",
                             folder_name + " is owned by " + folder.owner + ", not " + expected_name +
                                 " (was it created with sudo?): " + account.name +
                                 " cannot add or update manifests in it",
                             "sudo chown " + expected_name + ": " + folder_name));
  }
  if (file.mode & 0022) {
    checks.push_back(problem("permissions",
                             file_name + " (mode " + mode_text(file.mode) +
                                 ") can be changed by other users, who could make the browser start "
                                 "any program",
                             sudo + "chmod go-w " + file_name));
  }
  if (folder.mode & 0002) {
    checks.push_back(problem(
        "permissions", folder_name + " (mode " + mode_text(folder.mode) + ") lets any user replace the manifest in it",
        sudo + "chmod o-w " + folder_name));
  }
  if (checks.empty()) {
    checks.push_back(ok("permissions", "owned by " + file.owner + ", mode " + mode_text(file.mode) + " (folder " +
                                           mode_text(folder.mode) + ")"));
  }
  return checks;
}

Check registry_check(const ManifestSite& site, const std::optional<std::string>& registered) {
  auto key = registry_key(*site.browser, site.system).value_or("");
  std::string file = site.file.string();
  if (!registered) {
    return problem("registry",
                   key + " is missing, so " + site.browser->title + " does not look for " + file + " (on Windows " +
                       "the registry, not the folder, says where a host's manifest is)",
                   install_fix(site));
  }
  if (std::filesystem::path(*registered).lexically_normal() != site.file.lexically_normal()) {
    return problem("registry", key + " names " + *registered + ", not " + file, install_fix(site));
  }
  return ok("registry", key + " names " + file);
}

ManifestContent content_checks(const ManifestSite& site) {
  ManifestContent content;
  auto& checks = content.checks;
  std::string fix = install_fix(site);
  if (!site.text) {
    checks.push_back(problem("json", "cannot read " + site.file.string() + ": " + site.read_error, fix));
    return content;
  }
  nlohmann::json manifest;
  try {
    manifest = nlohmann::json::parse(*site.text);
  } catch (const nlohmann::json::parse_error& e) {
    // nlohmann's message names the line and column, which is what a person editing it needs.
    checks.push_back(problem("json", site.file.string() + " is not valid JSON: " + e.what(), fix));
    return content;
  }
  if (!manifest.is_object()) {
    checks.push_back(problem("json", site.file.string() + " is JSON but not an object", fix));
    return content;
  }
  checks.push_back(ok("json", "valid JSON"));

  auto name =
      manifest.value("name", nlohmann::json()).is_string() ? manifest["name"].get<std::string>() : std::string();
  if (name != kHostName) {
    checks.push_back(problem("name",
                             "its name is " + json_string(name) + "; the extension asks for " + json_string(kHostName) +
                                 " and the file must be named after it",
                             fix));
  } else {
    checks.push_back(ok("name", "name " + json_string(name) + " matches the file name"));
  }
  if (manifest.value("type", nlohmann::json()) != "stdio") {
    checks.push_back(
        problem("type", "its type is " + manifest.value("type", nlohmann::json()).dump() + ", not \"stdio\"", fix));
  }

  const auto origins = manifest.value("allowed_origins", nlohmann::json());
  const auto extensions = manifest.value("allowed_extensions", nlohmann::json());
  if (site.browser->family == Family::chromium) {
    std::string origin = extension_origin();
    std::string without_slash = origin.substr(0, origin.size() - 1);
    if (!origins.is_array()) {
      checks.push_back(problem("allowed",
                               extensions.is_array() ? "it is a Firefox-family manifest (allowed_extensions); " +
                                                           site.browser->title + " needs allowed_origins"
                                                     : "it has no allowed_origins list",
                               fix));
    } else if (std::find(origins.begin(), origins.end(), origin) != origins.end()) {
      checks.push_back(ok("allowed", "allows " + origin));
    } else if (std::find(origins.begin(), origins.end(), without_slash) != origins.end()) {
      checks.push_back(problem("allowed",
                               "allowed_origins has " + json_string(without_slash) +
                                   " without the trailing \"/\", which Chromium requires: the browser "
                                   "will say the host is forbidden",
                               fix));
    } else {
      checks.push_back(problem("allowed",
                               "allowed_origins is " + origins.dump() +
                                   ", which does not include untrain's "
                                   "extension " +
                                   json_string(origin),
                               fix));
    }
  } else {
    std::string addon = firefox_addon_id();
    if (!origins.is_null()) {
      checks.push_back(problem("allowed",
                               "it has allowed_origins, which " + site.browser->title +
                                   " refuses: a Firefox-family manifest lists allowed_extensions",
                               fix));
    } else if (!extensions.is_array()) {
      checks.push_back(problem("allowed", "it has no allowed_extensions list", fix));
    } else if (std::find(extensions.begin(), extensions.end(), addon) == extensions.end()) {
      checks.push_back(problem(
          "allowed", "allowed_extensions is " + extensions.dump() + ", which does not include " + json_string(addon),
          fix));
    } else {
      checks.push_back(ok("allowed", "allows " + addon));
    }
  }

  const auto path = manifest.value("path", nlohmann::json());
  if (!path.is_string() || path.get<std::string>().empty()) {
    checks.push_back(problem("path", "it names no program (\"path\")", fix));
  } else if (!std::filesystem::path(path.get<std::string>()).is_absolute()) {
    checks.push_back(problem(
        "path",
        "its path " + json_string(path.get<std::string>()) + " is relative; browsers need the program's absolute path",
        fix));
  } else {
    content.program = path.get<std::string>();
    checks.push_back(ok("path", "names " + path.get<std::string>()));
  }
  return content;
}

std::vector<Check> program_checks(const std::filesystem::path& program, const FileFacts& facts, bool executable,
                                  const ManifestSite& site) {
  std::string fix = "reinstall untrain, or point the manifest at it: " + install_fix(site);
  if (!facts.exists) return {problem("program", program.string() + " does not exist (moved or uninstalled?)", fix)};
  if (!facts.regular) return {problem("program", program.string() + " is not a regular file", fix)};
  if (!executable) {
    return {problem("program", program.string() + " (mode " + mode_text(facts.mode) + ") is not executable",
                    "chmod 755 " + program.string())};
  }
  return {ok("program", program.string() + " exists and is executable")};
}

Check flatpak_check(const ManifestSite& site, const std::filesystem::path& program, const std::filesystem::path& home,
                    const std::optional<std::filesystem::path>& wrapper_target,
                    const std::vector<std::string>& app_ini) {
  const auto& app = site.browser->app_id;
  if (!wrapper_target) {
    if (flatpak_sees(program, home, app, app_ini)) {
      return {"sandbox", Status::warning,
              program.string() + " is visible inside the " + app +
                  " sandbox, but runs there without the host's "
                  "libraries; untrain's Flatpak wrapper starts it on the host instead",
              install_fix(site)};
    }
    return problem("sandbox",
                   "the " + app + " sandbox cannot see " + program.string() + ", so the browser cannot start it",
                   install_fix(site) + " (writes a wrapper that starts untrain on the host)");
  }
  if (app_ini.empty()) {
    return {"sandbox", Status::warning,
            "cannot find " + app + "'s Flatpak metadata to tell whether it may start programs on the host",
            "if the browser says the native host has exited: " + flatpak_grant_command(app)};
  }
  if (!flatpak_may_spawn_on_host(app_ini)) {
    return problem("sandbox", app + " may not start programs outside its sandbox, so the wrapper cannot start untrain",
                   flatpak_grant_command(app));
  }
  return ok("sandbox", app + " starts untrain on the host through " + kFlatpakWrapperName);
}

Check snap_check(const ManifestSite& site, bool unconfined_manifest, const std::filesystem::path& unconfined_file) {
  if (unconfined_manifest) return ok("sandbox", "the desktop portal finds untrain in " + unconfined_file.string());
  return problem("sandbox",
                 site.browser->title + " starts native hosts through the desktop portal, which reads " +
                     unconfined_file.string() + "; untrain is not registered there",
                 "untrain install --browser " + site.browser->base);
}

std::optional<Check> launch_refusal(const ManifestSite& site, UserId euid) {
  if (euid != 0) return std::nullopt;
  const FileFacts& other = site.file_facts.uid != 0 ? site.file_facts : site.folder_facts;
  if (other.uid == 0) return std::nullopt;
  return Check{"launch", Status::skipped,
               "not started: this doctor runs as root, and " + other.owner +
                   " can change the manifest, so the program it names is not started as root",
               "run untrain doctor as " + other.owner + ", without sudo, to check the launch"};
}

std::vector<Check> hello_checks(const HelloOutcome& outcome, const std::filesystem::path& program,
                                const std::string& expected_version, const ManifestSite& site) {
  std::vector<Check> checks;
  std::string stderr_note = outcome.stderr_text.empty() ? "" : "; it said: " + outcome.stderr_text.substr(0, 300);
  while (!stderr_note.empty() && (stderr_note.back() == '\n' || stderr_note.back() == '\r')) stderr_note.pop_back();
  std::string reinstall = "reinstall untrain, then: " + install_fix(site);
  if (!outcome.started) {
    checks.push_back(problem("launch", "cannot start " + program.string() + ": " + outcome.start_error, reinstall));
  } else if (!outcome.not_a_frame.empty()) {
    checks.push_back(problem("launch",
                             program.string() +
                                 " wrote something other than a native-messaging frame to "
                                 "stdout: \"" +
                                 outcome.not_a_frame + "\"; the browser drops such a host",
                             "make sure the manifest names the untrain binary itself, not a script that prints"));
  } else if (outcome.timed_out && !outcome.reply) {
    checks.push_back(
        problem("launch", program.string() + " did not answer hello within the time limit" + stderr_note, reinstall));
  } else if (!outcome.reply) {
    std::string how = outcome.signal ? "was killed by signal " + std::to_string(*outcome.signal)
                                     : "exited with status " + std::to_string(outcome.exit_status.value_or(-1));
    checks.push_back(
        problem("launch", program.string() + " " + how + " before replying (\"Native host has exited\")" + stderr_note,
                reinstall));
  } else {
    const auto& reply = *outcome.reply;
    const auto result = reply.value("result", nlohmann::json::object());
    if (reply.value("ok", false) != true || result.value("host", "") != "untrain") {
      checks.push_back(problem(
          "launch", program.string() + " answered hello with " + reply.dump() + ", which is not untrain's reply",
          reinstall));
    } else if (!outcome.trailing.empty()) {
      checks.push_back(problem("launch",
                               program.string() + " wrote \"" + outcome.trailing +
                                   "\" to stdout after its reply; the browser drops such a host",
                               "make sure nothing else writes to the host's stdout"));
    } else if (outcome.exit_status && *outcome.exit_status != 0) {
      checks.push_back(problem("launch",
                               program.string() + " replied but exited with status " +
                                   std::to_string(*outcome.exit_status) + " when its input closed" + stderr_note,
                               reinstall));
    } else {
      std::string how = site.browser->packaging == Packaging::flatpak
                            ? "started as the wrapper starts it on the host"
                            : "started as " + site.browser->title + " starts it";
      checks.push_back(ok("launch", how + "; hello answered in " + std::to_string(outcome.elapsed_ms) +
                                        " ms (protocol " + result.value("protocol", nlohmann::json()).dump() + ")"));
    }
    auto version = result.value("version", "");
    if (version == expected_version) {
      checks.push_back(ok("version", "version " + version + ", the same as this untrain"));
    } else {
      checks.push_back(problem("version",
                               program.string() + " is untrain " + version + ", this is untrain " + expected_version +
                                   ": the browser runs an older or newer copy",
                               "point the manifest at this copy: " + install_fix(site)));
    }
  }
  return checks;
}

std::vector<Check> firefox_pref_checks(const std::vector<ProfilePrefs>& profiles) {
  std::vector<Check> checks;
  for (const auto& profile : profiles) {
    for (const auto& p : native_messaging_pref_problems(profile.prefs_js, profile.user_js)) {
      std::string effect =
          p.disables ? "which switches native messaging off" : "smaller than untrain's largest reply (1 MiB)";
      std::string fix = p.file == "user.js"
                            ? "remove the " + p.pref + " line from " + (profile.profile / "user.js").string()
                            : "in about:config, reset " + p.pref + " (or remove it from " +
                                  (profile.profile / "prefs.js").string() + " while Firefox is closed)";
      checks.push_back(problem("firefox-prefs",
                               "profile " + profile.profile.filename().string() + " sets " + p.pref + " to " +
                                   std::to_string(p.value) + " in " + p.file + ", " + effect,
                               fix));
    }
  }
  if (checks.empty() && !profiles.empty()) {
    checks.push_back(
        ok("firefox-prefs", std::to_string(profiles.size()) + " profile(s): no pref switches native messaging off"));
  }
  return checks;
}

Check database_check(const DatabaseFacts& facts) {
  std::string path = facts.path.string();
  if (!facts.exists) {
    return ok("database", path + " does not exist yet; untrain creates it at the first observation");
  }
  if (facts.open_error) {
    return problem("database", "cannot read " + path + ": " + *facts.open_error,
                   "move it aside (mv " + path + " " + path +
                       ".broken) so that untrain starts a new one, and keep the "
                       "old file: it is your record");
  }
  if (facts.quick_check != "ok") {
    return problem("database", "PRAGMA quick_check on " + path + " says: " + facts.quick_check.value_or("nothing"),
                   "restore it from a backup, or move it aside (mv " + path + " " + path + ".broken)");
  }
  return ok("database",
            path + " opens; quick_check ok; schema version " + std::to_string(facts.schema_version.value_or(0)));
}

std::vector<Check> moved_aside_checks(const DatabaseFacts& facts) {
  std::vector<Check> checks;
  for (const auto& file : facts.moved_aside) {
    checks.push_back(problem(
        "corrupt",
        "a damaged database was moved aside to " + file.string() + " and untrain started a new one in its place",
        "keep " + file.string() + ": it is your audit trail from before (untrain verify --db " + file.string() +
            " says what is still readable); once it is saved elsewhere, "
            "move it out of this folder"));
  }
  return checks;
}

}  // namespace untrain
