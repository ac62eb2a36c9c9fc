#include "cli/cli.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>

#include "cli/output_file.h"
#include "cli/progress_bar.h"
#include "core/clock.h"
#include "core/error.h"
#include "core/outcome.h"
#include "core/paths.h"
#include "core/rules.h"
#include "core/terminal_text.h"
#include "core/version.h"
#include "doctor/doctor.h"
#include "export/export.h"
#include "export/json_export.h"
#include "export/verify.h"
#include "install/account.h"
#include "install/browser_selection.h"
#include "install/host_manifest.h"
#include "install/registration.h"
#include "store/busy_timeout.h"
#include "store/corrupt_database.h"
#include "store/database_file.h"
#include "store/store.h"
#include "trail/status_view.h"

namespace untrain {
namespace {

struct Options {
  bool system = false;                 // install, uninstall: the system-wide folders
  std::optional<std::string> destdir;  // install, uninstall: stage under this root (packaging)
  std::optional<std::string> binary;   // install: the program the manifests name
  std::optional<std::string> db;
  bool json = false;
  std::string browser = "all";
  std::optional<std::string> manifest_dir;
  std::optional<std::string> file;  // verify --file
  std::string format = "json";      // export --format
  std::optional<std::string> since, until, account, output;
  bool force = false;        // export: replace an existing -o FILE
  std::string backup_file;  // backup FILE
};

// Every command here only reads (export's own event aside): none creates a database or a folder.
Store open_store_for_reading(const Options& options) {
  return Store::open_for_reading(database_path(options.db, process_environment()), busy_timeout(process_environment()));
}

// Damaged databases moved aside from this one's folder: the member's earlier trail, to be kept.
void report_moved_aside(const Options& options, std::ostream& out) {
  for (const auto& file : moved_aside(database_path(options.db, process_environment()))) {
    out << "untrain: an earlier database was damaged and moved aside to " << terminal_safe(file.string())
        << "; keep it: it holds your audit trail from before (untrain doctor)\n";
  }
}

Outcome print(const nlohmann::json& value) {
  std::cout << value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  return Outcome::ok;
}

// One setting's line of `untrain status`: its verdict, then what it rests on: untrain's reading (when, with which
// rules) or the member's report, said to be theirs, with what untrain last read itself.
std::string status_line(const std::string& platform, const nlohmann::json& s) {
  std::string line = platform + "  " + s["setting"].get<std::string>() + "  " + s["verdict"].get<std::string>();
  auto with_rules = [](const nlohmann::json& version) {
    return version.is_string() ? ", read with rules " + version.get<std::string>() : std::string();
  };
  auto on_off = [](const nlohmann::json& value) { return std::string(value == true ? "On" : "Off"); };
  if (s["verified"] == false) {
    line += "  " + on_off(s["value"]) + " — reported by you, not read by untrain  (reported " +
            format_utc(s["last_checked"].get<std::int64_t>()) + ")";
    const auto& read = s["last_verified"];
    line += read.is_null() ? std::string("  (untrain has never read it)")
                           : "  (untrain last read it " + on_off(read["value"]) + " on " +
                                 format_utc(read["time"].get<std::int64_t>()) + with_rules(read["rules_version"]) + ")";
  } else if (!s["last_checked"].is_null()) {
    line += "  (checked " + format_utc(s["last_checked"].get<std::int64_t>()) + with_rules(s["rules_version"]) + ")";
  }
  if (!s["nudge"]["snoozed_until"].is_null()) {
    line += "  (reminders snoozed until " + format_utc(s["nudge"]["snoozed_until"].get<std::int64_t>()) + ")";
  }
  if (s["nudge"]["dismissed"] == true) line += "  (reminders dismissed)";
  return line;
}

Outcome status_command(const Options& options) {
  Store store = open_store_for_reading(options);
  report_moved_aside(options, options.json ? std::cerr : std::cout);
  auto all = nlohmann::json::array();
  for (const auto& rules : builtin_rules()) {
    all.push_back(status_view(rules, store.states(rules.platform), store.nudges(rules.platform),
                              store.forms(rules.platform), std::nullopt, now_ms()));
  }
  if (options.json) return print(all);
  for (const auto& platform : all) {
    for (const auto& s : platform["settings"]) {
      std::cout << terminal_safe(status_line(platform["platform"].get<std::string>(), s)) << '\n';
    }
    for (const auto& f : platform["forms"]) {
      std::cout << terminal_safe(platform["platform"].get<std::string>() + "  " + f["form"].get<std::string>() + "  " +
                                 (f["sent_on"].is_null() ? std::string("not marked as sent")
                                                         : "sent on " + f["sent_on"].get<std::string>()))
                << '\n';
    }
  }
  return Outcome::ok;
}

Outcome log_command(const Options& options) {
  Store store = open_store_for_reading(options);
  auto events = store.events();
  if (options.json) {
    auto all = nlohmann::json::array();
    for (const auto& e : events) {
      // The export's record, but with detail as the object it holds rather than the hashed text.
      nlohmann::json record = record_json(e);
      if (!e.detail.empty()) record["detail"] = nlohmann::json::parse(e.detail);
      all.push_back(std::move(record));
    }
    return print(all);
  }
  // Each value escaped on its own, line breaks included: a value can neither repaint the terminal nor forge a line.
  auto shown = [](const std::string& text) { return text.empty() ? std::string("-") : terminal_safe(text); };
  for (const auto& e : events) {
    std::cout << e.seq << "  " << format_utc(e.time) << "  " << shown(e.kind) << "  " << shown(e.action) << "  "
              << shown(e.platform) << "  " << shown(e.setting) << "  " << (e.value ? (*e.value ? "on" : "off") : "-")
              << "  " << shown(e.source) << "  " << shown(e.account) << '\n';
  }
  return Outcome::ok;
}

// What install and uninstall act on. One --manifest-dir is one browser's folder; --destdir stages
// the system folders of every browser, as a package does.
struct Plan {
  Registration how;
  std::vector<const Browser*> browsers;
};

Plan plan(const Options& options, Selecting selecting) {
  Plan plan;
  auto& how = plan.how;
  how.system = options.system;
  if (options.destdir && !options.system)
    throw Error(Outcome::usage, "--destdir stages the system folders: add --system");
  if (options.manifest_dir && options.system)
    throw Error(Outcome::usage, "--manifest-dir and --system exclude each other");
  if (options.manifest_dir) how.manifest_dir = std::filesystem::absolute(*options.manifest_dir);
  if (options.destdir) how.destdir = std::filesystem::absolute(*options.destdir);
  how.binary = options.binary ? std::filesystem::path(*options.binary) : running_binary();
  if (!how.binary.is_absolute()) throw Error(Outcome::usage, "--binary must be an absolute path, as browsers require");
  how.account = current_account();
  if (options.manifest_dir) {
    const Browser* named = find_browser(options.browser);
    if (!named) throw Error(Outcome::usage, "--manifest-dir needs --browser with one of " + browser_names());
    plan.browsers = {named};
  } else {
    plan.browsers = select_browsers(options.browser, local_machine(how.account.home),
                                    options.destdir ? Selecting::every : selecting);
  }
  if (how.account.via_sudo && !how.system && !how.manifest_dir) {
    std::cout << "running through sudo: acting for " << how.account.name << " (" << how.account.home.string()
              << "); use --system for every user\n";
  }
  return plan;
}

Outcome install_command(const Options& options) {
  Plan p = plan(options, Selecting::found);
  if (p.browsers.empty()) {
    std::cerr << "untrain: no supported browser found for " << p.how.account.name
              << "; name one: untrain install --browser NAME (" << browser_names() << ")\n";
    return Outcome::failed;
  }
  for (const Browser* browser : p.browsers) {
    for (const auto& change : register_browser(*browser, p.how)) std::cout << describe(change) << '\n';
  }
  return Outcome::ok;
}

Outcome uninstall_command(const Options& options) {
  Plan p = plan(options, Selecting::every);
  int removed = 0;
  for (const Browser* browser : p.browsers) {
    for (const auto& change : unregister_browser(*browser, p.how)) {
      // With every browser in the table, only what was there is worth a line.
      if (change.what == Change::What::removed || p.browsers.size() == 1) std::cout << describe(change) << '\n';
      removed += change.what == Change::What::removed;
    }
  }
  if (removed == 0 && p.browsers.size() > 1) std::cout << "untrain was not registered with any browser\n";
  return Outcome::ok;
}

Outcome verify_command(const Options& options) {
  VerifyReport report;
  if (options.file) {
    report = verify_export_file(*options.file);
  } else {
    Store store = open_store_for_reading(options);
    report = verify_database(store);
  }
  std::cout << terminal_safe(report_text(report)) << '\n';
  return report.intact() ? Outcome::ok : Outcome::no;
}

// Folds the WAL into the database file when this command's commit left it long (store.h); after the command's output,
// so nothing waits for it. A failure loses nothing: the WAL keeps every page.
void checkpoint_if_due(Store& store) {
  if (!store.is_open() || !store.checkpoint_due()) return;
  try {
    store.checkpoint();
  } catch (const Error&) {
  }
}

Outcome backup_command(const Options& options) {
  Store store = open_store_for_reading(options);
  store.backup(options.backup_file);
  std::cout << "untrain: the whole audit trail (" << store.head().seq << " events) is in " << terminal_safe(options.backup_file)
            << ", one file that needs nothing beside it\n";
  return Outcome::ok;
}

Outcome export_command(const Options& options) {
  auto format = parse<ExportFormat>(options.format);
  if (!format) throw Error(Outcome::usage, "--format must be json, csv, ndjson or html, not '" + options.format + "'");
  EventFilter filter;
  if (options.since) filter.since = since_bound(*options.since);
  if (options.until) filter.until = until_bound(*options.until);
  filter.account = options.account;
  auto database = database_path(options.db, process_environment());
  // The export is recorded in the trail when the database is there to take it; a missing one is not created for
  // it, and one the member may only read is still exported, and they are told it was not recorded.
  std::optional<std::string> not_recorded;
  if (inspect_database_file(database) != DatabaseFile::sqlite) {
    not_recorded = "there are no events yet and no database at " + database.string();
  } else if (!database_file_writable(database)) {
    not_recorded = "the database " + database.string() + " is read-only";
  }
  std::optional<OutputFile> file;
  if (options.output) file.emplace(*options.output, options.force, database);
  Store store = not_recorded ? Store::open_for_reading(database, busy_timeout(process_environment()))
                             : Store::open(database, busy_timeout(process_environment()));

  ProgressBar bar(std::cerr, "exporting");
  ExportProgress progress;
  if (wants_progress_bar(::isatty(STDERR_FILENO) == 1, store.count(filter))) {
    progress = [&](std::int64_t done, std::int64_t total) { bar.update(done, total); };
  }
  auto exported = export_trail(store, *format, filter, file ? file->stream() : std::cout, ExportSource::cli, now_ms(),
                               progress, !not_recorded);
  if (file) file->commit();
  bar.finish();
  if (file) {
    std::cerr << "untrain: exported " << exported.header.events << " events to " << *options.output
              << " (chain head seq " << exported.header.chain.seq << " " << exported.header.chain.hash << ")\n";
  }
  if (not_recorded) std::cerr << "untrain: this export was not recorded in the trail: " << *not_recorded << '\n';
  std::cout.flush();
  checkpoint_if_due(store);
  return Outcome::ok;
}

Outcome doctor_command(const Options& options) {
  DoctorOptions doctor;
  doctor.browser = options.browser;
  if (options.manifest_dir) doctor.manifest_dir = std::filesystem::absolute(*options.manifest_dir);
  doctor.db = options.db;
  auto report = run_doctor(doctor);
  if (options.json) print(doctor_json(report));
  else std::cout << terminal_safe(doctor_text(report), /*keep_line_breaks=*/true);
  return report.problems() == 0 ? Outcome::ok : Outcome::no;
}

}  // namespace

int run_cli(const std::vector<std::string>& args) {
  CLI::App app{
      "untrain: the audit trail of your AI-training settings.\n"
      "Browsers start untrain themselves; these commands are for you."};
  app.set_version_flag("--version", std::string("untrain ") + kVersion);
  app.require_subcommand(1);
  Options options;

  auto add_db = [&](CLI::App* command) {
    command->add_option("--db", options.db,
                        "database file (default: $UNTRAIN_DB, else $XDG_DATA_HOME/untrain/untrain.db)");
  };
  auto add_browser = [&](CLI::App* command) {
    command->add_option("--browser", options.browser, "browser to register with")->capture_default_str();
    command->add_option("--manifest-dir", options.manifest_dir,
                        "folder for the host manifest (default: the browser's per-user folder)");
    command->add_flag("--system", options.system, "the system-wide folders, for every user (run with sudo)");
    command->add_option("--destdir", options.destdir,
                        "with --system: stage the folders under this root, as a package build does");
  };

  auto* status = app.add_subcommand("status", "show the current state and verdict of every setting");
  add_db(status);
  status->add_flag("--json", options.json, "print JSON");
  auto* log = app.add_subcommand("log", "list every recorded event, oldest first");
  add_db(log);
  log->add_flag("--json", options.json, "print JSON");
  auto* doctor = app.add_subcommand("doctor", "check untrain's registration with each browser found, and the database");
  add_db(doctor);
  doctor->add_flag("--json", options.json, "print JSON");
  doctor->add_option("--browser", options.browser, "the browser to check, or all found")->capture_default_str();
  doctor->add_option("--manifest-dir", options.manifest_dir,
                     "check this folder (e.g. <user-data-dir>/NativeMessagingHosts) for --browser");
  auto* install = app.add_subcommand("install", "register untrain with a browser (writes its host manifest)");
  add_browser(install);
  install->add_option("--binary", options.binary, "the program the manifests name (default: this untrain)");
  auto* uninstall = app.add_subcommand("uninstall", "remove untrain's host manifest from a browser");
  add_browser(uninstall);

  auto* verify = app.add_subcommand("verify", "re-compute the hash chain of the database, or of an exported file");
  add_db(verify);
  verify->add_option("--file", options.file,
                     "an exported JSON or NDJSON file to check on its own (no database needed)");
  auto* exporter = app.add_subcommand("export", "export the audit trail as JSON, CSV, NDJSON or an HTML report");
  add_db(exporter);
  exporter->add_option("--format", options.format, "json, csv, ndjson or html")->capture_default_str();
  exporter->add_option("--since", options.since,
                       "only events from this day or UTC time on (YYYY-MM-DD or YYYY-MM-DDTHH:MMZ)");
  exporter->add_option("--until", options.until, "only events up to this day (included) or UTC time");
  exporter->add_option("--account", options.account, "only events of this LinkedIn public profile id");
  exporter->add_option("-o,--output", options.output, "write to this file instead of stdout");
  exporter->add_flag("--force", options.force, "replace FILE when it exists");
  auto* backup = app.add_subcommand(
      "backup", "copy the whole database, with what its write-ahead log holds, to one new file (SQLite's backup API)");
  add_db(backup);
  backup->add_option("file", options.backup_file, "the new file (never replaced)")->required();

  std::vector<std::string> reversed(args.rbegin(), args.rend() - 1);  // CLI11 wants argv[1..] reversed
  try {
    app.parse(reversed);
    if (status->parsed()) return exit_status(status_command(options));
    if (log->parsed()) return exit_status(log_command(options));
    if (doctor->parsed()) return exit_status(doctor_command(options));
    if (install->parsed()) return exit_status(install_command(options));
    if (uninstall->parsed()) return exit_status(uninstall_command(options));
    if (verify->parsed()) return exit_status(verify_command(options));
    if (exporter->parsed()) return exit_status(export_command(options));
    if (backup->parsed()) return exit_status(backup_command(options));
    return exit_status(Outcome::usage);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);  // CLI11's own statuses, for now
  } catch (const Error& e) {
    std::cerr << "untrain: " << terminal_safe(e.what()) << '\n';
    return exit_status(e.outcome());
  } catch (const std::exception& e) {
    std::cerr << "untrain: internal error: " << terminal_safe(e.what()) << '\n';
    return exit_status(Outcome::failed);
  }
}

}  // namespace untrain
