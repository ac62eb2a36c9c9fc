#include "cli/cli.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "cli/colour.h"
#include "cli/command_spec.h"
#include "cli/completion.h"
#include "cli/export_target.h"
#include "cli/head_check.h"
#include "cli/kind_list.h"
#include "cli/log_text.h"
#include "cli/nearest.h"
#include "cli/output_file.h"
#include "cli/progress_bar.h"
#include "cli/status_text.h"
#include "core/clock.h"
#include "core/error.h"
#include "core/local_time.h"
#include "core/outcome.h"
#include "core/paths.h"
#include "core/rules.h"
#include "core/terminal_text.h"
#include "core/utf8.h"
#include "core/version.h"
#include "doctor/doctor.h"
#include "export/export.h"
#include "export/json_export.h"
#include "export/report_lang.h"
#include "export/verify.h"
#include "install/account.h"
#include "install/browser_selection.h"
#include "install/browsers.h"
#include "install/host_manifest.h"
#include "install/registration.h"
#include "store/busy_timeout.h"
#include "store/corrupt_database.h"
#include "store/database_file.h"
#include "store/forget.h"
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
  std::optional<std::string> file;    // verify --file
  std::optional<std::string> head;    // verify --head SEQ:HASH
  std::optional<std::string> format;  // export --format (default: -o's extension, else json)
  std::optional<std::string> lang;    // export --lang (default: the locale's)
  std::optional<std::string> since, until, account, output;
  bool force = false;                        // export: replace an existing -o FILE
  bool yes = false;                          // forget: without asking
  bool utc = false;                          // status, log: times in UTC rather than local time
  bool all = false;                          // log: nudges too
  std::optional<std::string> setting, kind;  // log filters
  std::string backup_file;                   // backup FILE
};

// Every command here only reads (export's own event aside): none creates a database or a folder.
Store open_store_for_reading(const Options& options) {
  return Store::open_for_reading(database_path(options.db, process_environment()), busy_timeout(process_environment()));
}

// Damaged databases moved aside from this one's folder: the member's earlier trail, to be kept.
void report_moved_aside(const Options& options, std::ostream& out) {
  for (const auto& file : moved_aside(database_path(options.db, process_environment()))) {
    out << "untrain: an earlier database was damaged and moved aside to " << terminal_safe(utf8_of(file))
        << "; keep it: it holds your audit trail from before (untrain doctor)\n";
  }
}

Outcome print(const nlohmann::json& value) {
  std::cout << value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  return Outcome::ok;
}

// Colour on a terminal only, never with NO_COLOR or --json.
Palette palette_for(const Options& options) {
  auto no_color = getenv_utf8("NO_COLOR"), term = getenv_utf8("TERM");
  return Palette(colour_wanted(::isatty(STDOUT_FILENO) == 1, no_color ? no_color->c_str() : nullptr,
                               term ? term->c_str() : nullptr, options.json));
}

Zone zone_of(const Options& options) { return options.utc ? Zone::utc : Zone::local; }

Outcome status_command(const Options& options) {
  Store store = open_store_for_reading(options);
  auto all = nlohmann::json::array();
  for (const auto& rules : builtin_rules()) {
    all.push_back(status_view(rules, store.states(rules.platform), store.nudges(rules.platform),
                              store.forms(rules.platform), std::nullopt, now_ms()));
  }
  if (options.json) {
    report_moved_aside(options, std::cerr);
    return print(all);
  }
  Palette palette = palette_for(options);
  Zone zone = zone_of(options);
  const auto& rules = builtin_rules();
  for (std::size_t i = 0; i < all.size(); ++i) {
    std::cout << status_summary(rules[i], all[i], zone, palette) << '\n';
  }
  report_moved_aside(options, std::cout);
  for (std::size_t i = 0; i < all.size(); ++i) {
    for (const auto& s : all[i]["settings"]) std::cout << setting_line(rules[i], s, zone, palette) << '\n';
    for (const auto& f : all[i]["forms"]) std::cout << form_line(rules[i], f) << '\n';
  }
  return Outcome::ok;
}

Outcome log_command(const Options& options) {
  LogFilter filter;
  if (options.since) filter.range.since = since_bound(*options.since);
  if (options.until) filter.range.until = until_bound(*options.until);
  filter.range.account = options.account;
  filter.setting = options.setting;
  filter.kind = options.kind;
  filter.all = options.all;
  check_log_filter(filter);
  Store store = open_store_for_reading(options);
  if (options.json) {
    // Every event the filters select, nudges included: a program reading it wants the record, not a view of it.
    LogFilter everything = filter;
    everything.all = true;
    auto all = nlohmann::json::array();
    store.for_each_event(filter.range, [&](const Event& e) {
      bool hidden = false;
      if (!log_shows(e, everything, hidden)) return;
      // The export's record, but with detail as the object it holds rather than the hashed text.
      nlohmann::json record = record_json(e);
      if (!e.detail.empty()) record["detail"] = nlohmann::json::parse(e.detail);
      all.push_back(std::move(record));
    });
    return print(all);
  }
  Palette palette = palette_for(options);
  Zone zone = zone_of(options);
  std::int64_t shown = 0, hidden_nudges = 0;
  // Each value escaped on its own, line breaks included: a value can neither repaint the terminal nor forge a line.
  store.for_each_event(filter.range, [&](const Event& e) {
    bool hidden = false;
    if (!log_shows(e, filter, hidden)) {
      hidden_nudges += hidden;
      return;
    }
    if (shown++ == 0) std::cout << palette.paint(log_header(zone), Ink::strong) << '\n';
    std::cout << log_line(e, zone, palette) << '\n';
  });
  std::cout << log_footer(shown, hidden_nudges, filter) << '\n';
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
  if (options.manifest_dir) how.manifest_dir = std::filesystem::absolute(path_from_utf8(*options.manifest_dir));
  if (options.destdir) how.destdir = std::filesystem::absolute(path_from_utf8(*options.destdir));
  how.binary = options.binary ? path_from_utf8(*options.binary) : running_binary();
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
    std::cout << "running through sudo: acting for " << how.account.name << " (" << utf8_of(how.account.home)
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
  int found = 0;
  for (const Browser* browser : p.browsers) {
    for (const auto& change : unregister_browser(*browser, p.how)) {
      // With every browser in the table, only what was there is worth a line.
      bool there = change.what == Change::What::removed || change.what == Change::What::not_ours;
      if (there || p.browsers.size() == 1) std::cout << describe(change) << '\n';
      found += there;
    }
  }
  if (found == 0 && p.browsers.size() > 1) std::cout << "untrain was not registered with any browser\n";
  return Outcome::ok;
}

Outcome verify_command(const Options& options) {
  std::optional<ChainHead> expected;
  if (options.head) {
    if (!options.file)
      throw Error(Outcome::usage, "--head checks an exported file against a report: add --file EXPORT");
    expected = parse_head(*options.head);
  }
  VerifyReport report;
  if (options.file) {
    report = verify_export_file(path_from_utf8(*options.file),
                                expected ? std::optional<std::int64_t>(expected->seq) : std::nullopt);
  } else {
    Store store = open_store_for_reading(options);
    report = verify_database(store);
  }
  if (report.intact() && expected) {
    if (auto wrong = head_mismatch(*expected, report.pinned)) {
      std::cout << terminal_safe("NOT intact: " + *wrong) << '\n';
      return Outcome::no;
    }
  }
  std::cout << terminal_safe(report_text(report)) << '\n';
  if (expected) {
    std::cout << "seq " << expected->seq << " has the hash the report names: the report's events are this trail's, up "
              << "to seq " << expected->seq << '\n';
  }
  return report.intact() ? Outcome::ok : Outcome::no;
}

// Removes the trail for good, once the member has seen what goes (or said --yes): see store/forget.h.
Outcome forget_command(const Options& options) {
  auto database = database_path(options.db, process_environment());
  auto files = trail_files(database);
  if (files.empty()) {
    std::cout << "untrain: nothing to forget: there is no audit trail at " << terminal_safe(utf8_of(database)) << '\n';
    return Outcome::ok;
  }
  if (!options.yes) {
    if (::isatty(STDIN_FILENO) != 1) {
      throw Error(Outcome::usage,
                  "forget removes the audit trail for good: run it on a terminal to confirm, or add --yes");
    }
    std::cout << "untrain will remove, for good, the audit trail and every copy of it untrain made:\n";
    for (const auto& file : files) std::cout << "  " << terminal_safe(utf8_of(file)) << '\n';
    std::cout << "Remove these " << files.size() << " files? [y/N] " << std::flush;
    std::string answer;
    std::getline(std::cin, answer);
    if (answer != "y" && answer != "Y" && answer != "yes") {
      std::cout << "untrain: nothing removed\n";
      return Outcome::no;
    }
  }
  for (const auto& file : remove_trail_files(files)) std::cout << "removed " << terminal_safe(utf8_of(file)) << '\n';
  return Outcome::ok;
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
  store.backup(path_from_utf8(options.backup_file));
  std::cout << "untrain: the whole audit trail (" << store.head().seq << " events) is in "
            << terminal_safe(options.backup_file) << ", one file that needs nothing beside it\n";
  return Outcome::ok;
}

// The HTML report's language: --lang, else the locale's (LC_ALL, LC_MESSAGES, LANG).
Lang report_lang(const Options& options) {
  if (!options.lang) {
    auto lc_all = getenv_utf8("LC_ALL"), lc_messages = getenv_utf8("LC_MESSAGES"), lang = getenv_utf8("LANG");
    auto text = [](const std::optional<std::string>& value) { return value ? value->c_str() : nullptr; };
    return lang_from_locale(text(lc_all), text(lc_messages), text(lang));
  }
  if (auto lang = parse<Lang>(*options.lang)) return *lang;
  throw Error(Outcome::usage, "--lang takes en, de, fr or es, not '" + *options.lang + "'");
}

Outcome export_command(const Options& options) {
  ExportTarget target = export_target(options.format, options.output);
  Lang lang = report_lang(options);
  EventFilter filter;
  if (options.since) filter.since = since_bound(*options.since);
  if (options.until) filter.until = until_bound(*options.until);
  filter.account = options.account;
  if (options.kind) filter.kinds = kinds_named(*options.kind);
  auto database = database_path(options.db, process_environment());
  // The export is recorded in the trail when the database is there to take it; a missing one is not created for
  // it, and one the member may only read is still exported, and they are told it was not recorded.
  std::optional<std::string> not_recorded;
  if (inspect_database_file(database) != DatabaseFile::sqlite) {
    not_recorded = "there are no events yet and no database at " + utf8_of(database);
  } else if (!database_file_writable(database)) {
    not_recorded = "the database " + utf8_of(database) + " is read-only";
  }
  std::optional<OutputFile> file;
  if (target.file) file.emplace(*target.file, options.force, database);
  Store store = not_recorded ? Store::open_for_reading(database, busy_timeout(process_environment()))
                             : Store::open(database, busy_timeout(process_environment()));

  ProgressBar bar(std::cerr, "exporting");
  ExportProgress progress;
  if (wants_progress_bar(::isatty(STDERR_FILENO) == 1, store.count(filter))) {
    progress = [&](std::int64_t done, std::int64_t total) { bar.update(done, total); };
  }
  auto exported = export_trail(store, target.format, filter, file ? file->stream() : std::cout, ExportSource::cli,
                               now_ms(), progress, !not_recorded, lang);
  if (file) file->commit();
  bar.finish();
  if (file) {
    std::cerr << "untrain: exported " << exported.header.events << " events to " << terminal_safe(utf8_of(*target.file))
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
  if (options.manifest_dir) doctor.manifest_dir = std::filesystem::absolute(path_from_utf8(*options.manifest_dir));
  doctor.db = options.db;
  auto report = run_doctor(doctor);
  if (options.json) print(doctor_json(report));
  else std::cout << terminal_safe(doctor_text(report), /*keep_line_breaks=*/true);
  return report.problems() == 0 ? Outcome::ok : Outcome::no;
}

// Every option name of `command` as typed ("--json", "-o"), for suggestions.
std::vector<std::string> option_names(const CLI::App& command) {
  std::vector<std::string> names;
  for (const CLI::Option* option : command.get_options()) {
    for (const auto& name : option->get_lnames()) names.push_back("--" + name);
    for (const auto& name : option->get_snames()) names.push_back("-" + name);
  }
  return names;
}

// The commands a person may type (the hidden ones, such as `completion`, included: they work when typed).
std::vector<std::string> command_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* command : app.get_subcommands([](const CLI::App*) { return true; })) {
    names.push_back(command->get_name());
  }
  return names;
}

std::string did_you_mean(const std::optional<std::string>& suggestion) {
  return suggestion ? "; did you mean `" + *suggestion + "`?" : std::string();
}

// The command the parser got to, if any.
const CLI::App* given_command(const CLI::App& app) {
  auto given = app.get_subcommands();
  return given.empty() ? nullptr : given.front();
}

// The line after a wrong command line's message: where its options are listed.
std::string usage_hint(const CLI::App& app) {
  const CLI::App* command = given_command(app);
  return command && command->get_name() != "help"
             ? "Run `untrain help " + command->get_name() + "` to see how it is used."
             : "Run `untrain help` to list the commands.";
}

// A command line the parser refused, said as a person can act on it: what was not understood and the nearest
// thing that would have been. One line; always the outcome `usage`.
std::string usage_problem(const CLI::App& app, const CLI::ParseError& e) {
  const CLI::App* command = given_command(app);
  std::string name = command ? "untrain " + command->get_name() : std::string("untrain");
  std::vector<std::string> unexpected = app.remaining();
  if (command) {
    auto more = command->remaining();
    unexpected.insert(unexpected.end(), more.begin(), more.end());
  }
  if (dynamic_cast<const CLI::ExtrasError*>(&e) && !unexpected.empty()) {
    const std::string& first = unexpected.front();
    if (first.rfind('-', 0) == 0 && first.size() > 1) {
      std::string option = first.substr(0, first.find('='));
      return name + " has no option '" + option + "'" +
             did_you_mean(nearest(option, option_names(command ? *command : app)));
    }
    return name + " takes no argument '" + first + "'";
  }
  return name + ": " + e.what();
}

// An unknown command, caught before the parser, which would only say that a command is required.
void check_command(const CLI::App& app, const std::string& typed) {
  auto known = command_names(app);
  if (std::find(known.begin(), known.end(), typed) == known.end()) {
    throw Error(Outcome::usage, "'" + typed + "' is not an untrain command" + did_you_mean(nearest(typed, known)));
  }
}

// The command line's definition as data (command_spec.h), walked from the parser's own, with what each option's
// value may be: the completions and the man page are made from this.
OptionSpec option_spec(const CLI::Option& option, const CLI::App& app) {
  OptionSpec spec;
  for (const auto& name : option.get_lnames()) spec.names.push_back("--" + name);
  for (const auto& name : option.get_snames()) spec.names.push_back("-" + name);
  spec.positional = option.get_positional();
  if (spec.positional) spec.names = {option.get_name()};
  spec.description = option.get_description();
  spec.value_name = option.get_type_name();  // every option that takes a value names it (PATH, FORMAT, …); flags none
  spec.takes_value = !spec.value_name.empty();
  std::string name = spec.names.front();
  if (name == "--db" || name == "--file" || name == "--output" || name == "--binary") {
    spec.value = OptionSpec::Value::file;
  } else if (name == "--manifest-dir" || name == "--destdir") {
    spec.value = OptionSpec::Value::folder;
  } else if (name == "--format") {
    for (auto format : all_values<ExportFormat>()) spec.values.emplace_back(to_string(format));
  } else if (name == "--kind") {
    for (auto kind : all_values<EventKind>()) spec.values.emplace_back(to_string(kind));
  } else if (name == "--lang") {
    spec.values = {"en", "de", "fr", "es"};
  } else if (name == "--browser") {
    for (const auto& browser : known_browsers()) spec.values.push_back(browser.name);
    spec.values.emplace_back("all");
  } else if (name == "--setting") {
    for (const auto& platform : builtin_rules()) {
      for (const auto& rule : platform.settings) spec.values.push_back(rule.id);
    }
  } else if (name == "shell") {
    spec.values = {"bash", "zsh", "fish"};
  } else if (name == "command") {
    for (const CLI::App* command : app.get_subcommands([](const CLI::App* c) { return !c->get_group().empty(); })) {
      spec.values.push_back(command->get_name());
    }
  }
  return spec;
}

ProgramSpec program_spec(const CLI::App& app) {
  ProgramSpec program;
  program.name = app.get_name();
  program.version = kVersion;
  program.description = app.get_description();
  for (const CLI::Option* option : app.get_options()) program.options.push_back(option_spec(*option, app));
  for (const CLI::App* command : app.get_subcommands([](const CLI::App*) { return true; })) {
    CommandSpec spec;
    spec.name = command->get_name();
    spec.description = command->get_description();
    spec.hidden = command->get_group().empty();
    for (const CLI::Option* option : command->get_options()) spec.options.push_back(option_spec(*option, app));
    program.commands.push_back(std::move(spec));
  }
  return program;
}

}  // namespace

int run_cli(const std::vector<std::string>& args) {
  CLI::App app{
      "untrain: the audit trail of your AI-training settings.\n"
      "Browsers start untrain themselves; these commands are for you.",
      "untrain"};
  app.set_version_flag("--version", std::string("untrain ") + kVersion);
  app.require_subcommand(0, 1);
  app.get_formatter()->label("SUBCOMMAND", "COMMAND");
  app.get_formatter()->label("Subcommands", "Commands");
  app.footer("Run `untrain help COMMAND` for a command's options. Exit status: docs/cli.md, or `man untrain`.");
  Options options;

  auto add_db = [&](CLI::App* command) {
    command
        ->add_option("--db", options.db, "database file (default: $UNTRAIN_DB, else $XDG_DATA_HOME/untrain/untrain.db)")
        ->type_name("PATH");
  };
  auto add_browser = [&](CLI::App* command) {
    command->add_option("--browser", options.browser, "browser to register with")
        ->capture_default_str()
        ->type_name("NAME");
    command
        ->add_option("--manifest-dir", options.manifest_dir,
                     "folder for the host manifest (default: the browser's per-user folder)")
        ->type_name("DIR");
    command->add_flag("--system", options.system, "the system-wide folders, for every user (run with sudo)");
    command
        ->add_option("--destdir", options.destdir,
                     "with --system: stage the folders under this root, as a package build does")
        ->type_name("DIR");
  };

  auto* status = app.add_subcommand("status", "show the current state and verdict of every setting");
  add_db(status);
  status->add_flag("--json", options.json, "print JSON");
  status->add_flag("--utc", options.utc, "show times in UTC (default: local time)");
  auto* log = app.add_subcommand("log", "list the recorded events, oldest first (nudges only with --all)");
  add_db(log);
  log->add_flag("--json", options.json, "print JSON: every event the filters select, nudges included");
  log->add_flag("--utc", options.utc, "show times in UTC (default: local time)");
  log->add_option("--setting", options.setting, "only events about this setting (its id, as status shows it)")
      ->type_name("ID");
  log->add_option("--kind", options.kind, "only events of this kind: observation, nudge, form or export")
      ->type_name("KIND");
  log->add_option("--since", options.since,
                  "only events from this day or UTC time on (YYYY-MM-DD or YYYY-MM-DDTHH:MMZ)")
      ->type_name("DATE");
  log->add_option("--until", options.until, "only events up to this day (included) or UTC time")->type_name("DATE");
  log->add_option("--account", options.account, "only events of this LinkedIn public profile id")->type_name("ID");
  log->add_flag("--all", options.all, "show nudges too (the reminders untrain showed, snoozed or dismissed)");
  auto* doctor = app.add_subcommand("doctor", "check untrain's registration with each browser found, and the database");
  add_db(doctor);
  doctor->add_flag("--json", options.json, "print JSON");
  doctor->add_option("--browser", options.browser, "the browser to check, or all found")
      ->capture_default_str()
      ->type_name("NAME");
  doctor
      ->add_option("--manifest-dir", options.manifest_dir,
                   "check this folder (e.g. <user-data-dir>/NativeMessagingHosts) for --browser")
      ->type_name("DIR");
  auto* install = app.add_subcommand("install", "register untrain with a browser (writes its host manifest)");
  add_browser(install);
  install->add_option("--binary", options.binary, "the program the manifests name (default: this untrain)")
      ->type_name("PATH");
  auto* uninstall = app.add_subcommand("uninstall", "remove untrain's host manifest from a browser");
  add_browser(uninstall);

  auto* verify = app.add_subcommand("verify", "re-compute the hash chain of the database, or of an exported file");
  add_db(verify);
  verify->add_option("--file", options.file, "an exported JSON or NDJSON file to check on its own (no database needed)")
      ->type_name("FILE");
  verify
      ->add_option("--head", options.head,
                   "with --file: check that the export holds this chain head, as an HTML report prints it")
      ->type_name("SEQ:HASH");
  auto* exporter = app.add_subcommand("export", "export the audit trail as JSON, CSV, NDJSON or an HTML report");
  add_db(exporter);
  exporter->add_option("--format", options.format, "json, csv, ndjson or html (default: -o's extension, else json)")
      ->type_name("FORMAT");
  exporter
      ->add_option("--since", options.since,
                   "only events from this day or UTC time on (YYYY-MM-DD or YYYY-MM-DDTHH:MMZ)")
      ->type_name("DATE");
  exporter->add_option("--until", options.until, "only events up to this day (included) or UTC time")
      ->type_name("DATE");
  exporter->add_option("--account", options.account, "only events of this LinkedIn public profile id")->type_name("ID");
  exporter
      ->add_option("--kind", options.kind,
                   "only events of these kinds, separated by commas: observation, nudge, form, export "
                   "(observation,form leaves the nudges out)")
      ->type_name("KINDS");
  exporter->add_option("-o,--output", options.output, "write to this file (- or none: stdout)")->type_name("FILE");
  exporter->add_flag("--force", options.force, "replace FILE when it exists");
  exporter
      ->add_option("--lang", options.lang,
                   "the HTML report's language: en, de, fr or es (default: from LC_ALL, LC_MESSAGES or LANG, else en)")
      ->type_name("LANG");
  auto* backup = app.add_subcommand(
      "backup", "copy the whole database, with what its write-ahead log holds, to one new file (SQLite's backup API)");
  add_db(backup);
  backup->add_option("file", options.backup_file, "the new file (never replaced)")->required()->type_name("FILE");
  auto* forget = app.add_subcommand(
      "forget", "remove the audit trail for good: the database, its -wal and -shm, and damaged copies moved aside");
  add_db(forget);
  forget->add_flag("-y,--yes", options.yes, "do not ask first");

  std::optional<std::string> topic;
  auto* help = app.add_subcommand("help", "show how untrain, or one command, is used");
  help->add_option("command", topic, "the command to explain")->type_name("COMMAND");
  // Hidden: what the build runs to make the shell completions and the man page from this very definition.
  std::string shell;
  auto* completion = app.add_subcommand("completion", "print the completion script for a shell")->group("");
  completion->add_option("shell", shell, "bash, zsh or fish")->required()->type_name("SHELL");
  auto* man = app.add_subcommand("man", "print the man page untrain(1), in roff")->group("");

  try {
    // An unknown command is caught before the parser, which would only say that a command is required.
    if (args.size() > 1 && !args[1].starts_with('-')) check_command(app, args[1]);
    std::vector<std::string> reversed(args.rbegin(), args.rend() - 1);  // CLI11 wants argv[1..] reversed
    app.parse(reversed);
    if (status->parsed()) return exit_status(status_command(options));
    if (log->parsed()) return exit_status(log_command(options));
    if (doctor->parsed()) return exit_status(doctor_command(options));
    if (install->parsed()) return exit_status(install_command(options));
    if (uninstall->parsed()) return exit_status(uninstall_command(options));
    if (verify->parsed()) return exit_status(verify_command(options));
    if (exporter->parsed()) return exit_status(export_command(options));
    if (forget->parsed()) return exit_status(forget_command(options));
    if (backup->parsed()) return exit_status(backup_command(options));
    if (completion->parsed()) {
      auto script = completion_script(program_spec(app), shell);
      if (!script) throw Error(Outcome::usage, "untrain completes for bash, zsh or fish, not '" + shell + "'");
      std::cout << *script;
      return exit_status(Outcome::ok);
    }
    if (man->parsed()) {
      std::cout << man_page(program_spec(app));
      return exit_status(Outcome::ok);
    }
    if (help->parsed() && topic) {
      check_command(app, *topic);
      std::cout << app.get_subcommand(*topic)->help("untrain");
      return exit_status(Outcome::ok);
    }
    if (help->parsed()) {
      // The program's own help, not that of `help`, the command given.
      std::cout << app.get_formatter()->make_help(&app, app.get_name(), CLI::AppFormatMode::Normal);
      return exit_status(Outcome::ok);
    }
    // No command: how untrain is used, where the mistake shows, and the status of a wrong command line.
    std::cerr << "untrain: a command is required\n" << app.help();
    return exit_status(Outcome::usage);
  } catch (const CLI::Success& e) {
    return app.exit(e);  // --help, --version: printed on stdout, status 0
  } catch (const CLI::ParseError& e) {
    std::cerr << "untrain: " << terminal_safe(usage_problem(app, e)) << '\n' << usage_hint(app) << '\n';
    return exit_status(Outcome::usage);
  } catch (const Error& e) {
    std::cerr << "untrain: " << terminal_safe(e.what()) << '\n';
    if (e.outcome() == Outcome::usage) std::cerr << usage_hint(app) << '\n';
    return exit_status(e.outcome());
  } catch (const std::exception& e) {
    std::cerr << "untrain: internal error: " << terminal_safe(e.what()) << '\n';
    return exit_status(Outcome::failed);
  }
}

}  // namespace untrain
