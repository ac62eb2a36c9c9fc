// untrain: started by a browser it serves native messaging; started by a person it is a CLI.
#include <unistd.h>

#include <iostream>

#include "cli/cli.h"
#include "core/extension_identity.h"
#include "core/outcome.h"
#include "core/paths.h"
#include "core/utf8.h"
#include "protocol/caller.h"
#include "protocol/launch.h"
#include "protocol/session.h"

int main(int argc, char** argv) {
  // UTF-8 on every system: Windows's own UTF-16 command line, converted (core/utf8.h).
  std::vector<std::string> args = untrain::utf8_arguments(argc, argv);
  untrain::Launch launch = untrain::classify(args);
  if (launch.mode == untrain::Launch::Mode::cli) return untrain::run_cli(args);
  // The browser enforces its manifest's allow-list; this is the same check again, for anything
  // else that starts us with a browser's arguments. Nothing is read and no database is opened.
  if (!untrain::is_allowed_caller(launch.caller)) {
    std::cerr << "untrain: refusing to serve '" << launch.caller.substr(0, 200) << "': only the untrain extension ("
              << untrain::extension_origin() << " or " << untrain::firefox_addon_id() << ") may start the host\n";
    return untrain::exit_status(untrain::Outcome::forbidden_caller);
  }
  auto locate_database = [] { return untrain::database_path(std::nullopt, untrain::process_environment()); };
  return untrain::serve(STDIN_FILENO, STDOUT_FILENO, locate_database);
}
