#include "cli.h"

#include <CLI/CLI.hpp>
#include <iostream>

#include "clock.h"
#include "error.h"
#include "host_manifest.h"
#include "paths.h"
#include "rules.h"
#include "status_view.h"
#include "store.h"
#include "version.h"

namespace untrain {
namespace {

struct Options {
  std::optional<std::string> db;
  bool json = false;
  std::string browser = "chromium";
  std::optional<std::string> manifest_dir;
};

Store open_store(const Options& options) { return Store::open(database_path(options.db, process_environment())); }

int print(const nlohmann::json& value) {
  std::cout << value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  return 0;
}

int status_command(const Options& options) {
  Store store = open_store(options);
  auto all = nlohmann::json::array();
  for (const auto& rules : builtin_rules()) {
    all.push_back(status_view(rules, store.states(rules.platform), store.nudges(rules.platform),
                              store.forms(rules.platform), std::nullopt, now_ms()));
  }
  if (options.json) return print(all);
  for (const auto& platform : all) {
    for (const auto& s : platform["settings"]) {
      std::cout << platform["platform"].get<std::string>() << "  " << s["setting"].get<std::string>() << "  "
                << s["verdict"].get<std::string>();
      if (!s["last_checked"].is_null()) std::cout << "  (checked " << format_utc(s["last_checked"].get<std::int64_t>()) << ")";
      if (!s["nudge"]["snoozed_until"].is_null()) {
        std::cout << "  (reminders snoozed until " << format_utc(s["nudge"]["snoozed_until"].get<std::int64_t>()) << ")";
      }
      if (s["nudge"]["dismissed"] == true) std::cout << "  (reminders dismissed)";
      std::cout << '\n';
    }
    for (const auto& f : platform["forms"]) {
      std::cout << platform["platform"].get<std::string>() << "  " << f["form"].get<std::string>() << "  "
                << (f["sent_on"].is_null() ? std::string("not marked as sent") : "sent on " + f["sent_on"].get<std::string>())
                << '\n';
    }
  }
  return 0;
}

int log_command(const Options& options) {
  Store store = open_store(options);
  auto events = store.events();
  if (options.json) {
    auto all = nlohmann::json::array();
    for (const auto& e : events) all.push_back(event_json(e));
    return print(all);
  }
  for (const auto& e : events) {
    std::cout << e.seq << "  " << format_utc(e.time) << "  " << e.kind << "  " << e.action << "  " << e.platform
              << "  " << (e.setting.empty() ? "-" : e.setting) << "  "
              << (e.value ? (*e.value ? "on" : "off") : "-") << "  " << e.source << "  "
              << (e.account.empty() ? "-" : e.account) << '\n';
  }
  return 0;
}

const Browser& browser_named(const std::string& name) {
  const Browser* browser = find_browser(name);
  if (!browser) throw Error(Code::usage, "unknown browser '" + name + "'");
  return *browser;
}

std::filesystem::path manifest_dir(const Options& options, const Browser& browser) {
  if (options.manifest_dir) return std::filesystem::absolute(*options.manifest_dir);
  auto home = process_environment()("HOME");
  if (!home) throw Error(Code::usage, "HOME is not set; pass --manifest-dir");
  return std::filesystem::path(*home) / browser.user_dir;
}

int install_command(const Options& options) {
  const Browser& browser = browser_named(options.browser);
  auto file = install_manifest(browser.family, manifest_dir(options, browser), running_binary());
  std::cout << "registered untrain with " << browser.name << ": " << file.string() << '\n';
  return 0;
}

int uninstall_command(const Options& options) {
  const Browser& browser = browser_named(options.browser);
  auto dir = manifest_dir(options, browser);
  if (uninstall_manifest(dir)) {
    std::cout << "removed untrain's manifest for " << browser.name << " from " << dir.string() << '\n';
  } else {
    std::cout << "untrain was not registered with " << browser.name << " in " << dir.string() << '\n';
  }
  return 0;
}

int exit_status(Code code) {
  switch (code) {
    case Code::usage: return 2;
    case Code::storage_unavailable: return 4;
    default: return 1;
  }
}

}  // namespace

int run_cli(const std::vector<std::string>& args) {
  CLI::App app{"untrain: the audit trail of your AI-training settings.\n"
               "Browsers start untrain themselves; these commands are for you."};
  app.set_version_flag("--version", std::string("untrain ") + kVersion);
  app.require_subcommand(1);
  Options options;

  auto add_db = [&](CLI::App* command) {
    command->add_option("--db", options.db, "database file (default: $UNTRAIN_DB, else $XDG_DATA_HOME/untrain/untrain.db)");
  };
  auto add_browser = [&](CLI::App* command) {
    command->add_option("--browser", options.browser, "browser to register with")->capture_default_str();
    command->add_option("--manifest-dir", options.manifest_dir, "folder for the host manifest (default: the browser's per-user folder)");
  };

  auto* status = app.add_subcommand("status", "show the current state and verdict of every setting");
  add_db(status);
  status->add_flag("--json", options.json, "print JSON");
  auto* log = app.add_subcommand("log", "list every recorded event, oldest first");
  add_db(log);
  log->add_flag("--json", options.json, "print JSON");
  auto* install = app.add_subcommand("install", "register untrain with a browser (writes its host manifest)");
  add_browser(install);
  auto* uninstall = app.add_subcommand("uninstall", "remove untrain's host manifest from a browser");
  add_browser(uninstall);

  std::vector<std::string> reversed(args.rbegin(), args.rend() - 1);  // CLI11 wants argv[1..] reversed
  try {
    app.parse(reversed);
    if (status->parsed()) return status_command(options);
    if (log->parsed()) return log_command(options);
    if (install->parsed()) return install_command(options);
    if (uninstall->parsed()) return uninstall_command(options);
    return 2;
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const Error& e) {
    std::cerr << "untrain: " << e.what() << '\n';
    return exit_status(e.code());
  }
}

}  // namespace untrain
