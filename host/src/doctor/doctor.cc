#include "doctor/doctor.h"

#include "core/error.h"
#include "core/extension_identity.h"
#include "core/paths.h"
#include "core/version.h"
#include "doctor/doctor_platform.h"
#include "doctor/doctor_probe.h"
#include "export/verify.h"
#include "install/account.h"
#include "install/browser_selection.h"
#include "install/flatpak.h"
#include "install/registration.h"
#include "store/store.h"

namespace untrain {
namespace {

bool has_problem(const std::vector<Check>& checks) {
  for (const auto& check : checks) {
    if (check.status == Status::problem) return true;
  }
  return false;
}

void append(std::vector<Check>& to, const std::vector<Check>& more) { to.insert(to.end(), more.begin(), more.end()); }

// Everything about one manifest, from its presence to the host's answer.
std::vector<Check> examine(const ManifestSite& site, const Account& account, const DoctorOptions& options) {
  std::vector<Check> checks{presence_check(site)};
  if (has_problem(checks)) return checks;
  append(checks, access_checks(site, account));
  auto content = content_checks(site);
  append(checks, content.checks);
  if (!content.program) return checks;

  const Browser& browser = *site.browser;
  auto program = *content.program;
  auto facts = file_facts(program);
  auto runnable = program_checks(program, facts, is_executable(program), site);
  append(checks, runnable);
  if (has_problem(runnable)) return checks;

  // The program a Flatpak browser's wrapper starts on the host is the one to launch here, where
  // flatpak-spawn does not exist.
  auto host_program = program;
  if (browser.packaging == Packaging::flatpak) {
    auto target = facts.regular ? flatpak_wrapper_target(read_text(program).value_or("")) : std::nullopt;
    checks.push_back(flatpak_check(site, program, account.home, target, flatpak_app_ini(browser.app_id, account.home)));
    if (target) {
      host_program = *target;
      auto target_runnable = program_checks(*target, file_facts(*target), is_executable(*target), site);
      append(checks, target_runnable);
      if (has_problem(target_runnable)) return checks;
    }
  } else if (browser.packaging == Packaging::snap) {
    auto unconfined = account.home / ".mozilla/native-messaging-hosts" / manifest_file_name();
    bool present =
        file_facts(unconfined).exists ||
        file_facts(std::filesystem::path("/usr/lib/mozilla/native-messaging-hosts") / manifest_file_name()).exists;
    checks.push_back(snap_check(site, present, unconfined));
  }

  if (auto refused = refusal_to_launch(site)) {
    checks.push_back(*refused);
    return checks;
  }
  auto args = browser.family == Family::chromium ? chromium_launch_args(extension_origin())
                                                 : firefox_launch_args(site.file, firefox_addon_id());
  append(checks, hello_checks(say_hello(host_program, args, options.timeout), host_program, kVersion, site));
  return checks;
}

std::vector<Section> browser_sections(const Browser& browser, const Account& account, const DoctorOptions& options) {
  std::vector<ManifestSite> sites;
  if (options.manifest_dir) {
    sites.push_back(probe_site(browser, std::filesystem::absolute(*options.manifest_dir), false, true));
  } else {
    auto user = user_manifest_dir(browser, current_os(), account.home);
    if (user) sites.push_back(probe_site(browser, *user, false, false));
    for (const auto& dir : system_manifest_dirs(browser, current_os())) {
      auto site = probe_site(browser, dir, true, false);
      if (site.file_facts.exists || !site.misnamed.empty()) sites.push_back(std::move(site));
    }
    // A system-wide manifest serves everyone: then a missing per-user one is no problem.
    bool elsewhere = sites.size() > 1;
    if (elsewhere && !sites.front().file_facts.exists && sites.front().misnamed.empty()) sites.erase(sites.begin());
  }

  std::vector<Section> sections;
  for (const auto& site : sites) {
    sections.push_back({browser.title, browser.name, site.file.string(), examine(site, account, options)});
  }
  if (browser.family == Family::firefox && !sections.empty()) {
    append(sections.front().checks, firefox_pref_checks(firefox_profile_prefs(browser, account.home)));
  }
  return sections;
}

Section database_section(const DoctorOptions& options) {
  Section section{"Database", "", "", {}};
  std::filesystem::path path;
  try {
    path = database_path(options.db, process_environment());
  } catch (const Error& e) {
    section.checks.push_back({"database", Status::problem, e.what(), "set HOME, or pass --db PATH"});
    return section;
  }
  section.subject = path.string();
  auto facts = probe_database(path);
  section.checks.push_back(database_check(facts));
  append(section.checks, moved_aside_checks(facts));
  if (facts.exists && !facts.open_error && facts.quick_check == "ok") section.checks.push_back(check_hash_chain(path));
  return section;
}

}  // namespace

Check check_hash_chain(const std::filesystem::path& database) {
  std::string what = "hash chain of " + database.filename().string() + ": ";
  try {
    Store store = Store::open_for_reading(database);
    VerifyReport report = verify_chain(store);  // its quick_check ran in probe_database
    if (report.intact()) return {"chain", Status::ok, what + report_text(report), ""};
    return {"chain", Status::problem, what + report_text(report),
            "the audit trail was changed outside untrain: keep this file as it is, and compare it with an earlier "
            "export (untrain verify --file EXPORT)"};
  } catch (const Error& e) {
    return {"chain", Status::problem, what + e.what(), "untrain verify --db " + database.string()};
  }
}

DoctorReport run_doctor(const DoctorOptions& options) {
  DoctorReport report;
  report.version = kVersion;
  report.binary = running_binary();
  Account account = current_account();

  std::vector<const Browser*> browsers;
  if (options.manifest_dir) {
    // One folder is one browser's: the one named.
    const Browser* named = find_browser(options.browser);
    if (!named) throw Error(Outcome::usage, "--manifest-dir needs --browser with one of " + browser_names());
    browsers.push_back(named);
  } else {
    browsers = select_browsers(options.browser, local_machine(account.home), Selecting::found);
  }
  if (browsers.empty()) {
    report.sections.push_back({"Browsers",
                               "",
                               account.home.string(),
                               {{"browsers", Status::problem,
                                 "no supported browser found for " + account.name +
                                     " (none on PATH, no profile folder in " + account.home.string() + ")",
                                 "install one, or name it: untrain doctor --browser NAME (" + browser_names() + ")"}}});
  }
  for (const Browser* browser : browsers) {
    for (auto& section : browser_sections(*browser, account, options)) report.sections.push_back(std::move(section));
  }
  report.sections.push_back(database_section(options));
  return report;
}

}  // namespace untrain
