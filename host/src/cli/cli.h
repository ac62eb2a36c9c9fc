// The command line a person uses: status, log, install, uninstall (docs/cli.md).
#pragma once

#include <string>
#include <vector>

namespace untrain {

// Runs one command; returns the exit status. Errors are printed to stderr as "untrain: …".
int run_cli(const std::vector<std::string>& args);

}  // namespace untrain
