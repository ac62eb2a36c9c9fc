// untrain: started by a browser it serves native messaging; started by a person it is a CLI.
#include <unistd.h>

#include "cli.h"
#include "launch.h"
#include "paths.h"
#include "session.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv, argv + argc);
  untrain::Launch launch = untrain::classify(args);
  if (launch.mode == untrain::Launch::Mode::cli) return untrain::run_cli(args);
  auto locate_database = [] { return untrain::database_path(std::nullopt, untrain::process_environment()); };
  return untrain::serve(STDIN_FILENO, STDOUT_FILENO, locate_database);
}
