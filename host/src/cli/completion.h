// Shell completion scripts (bash, zsh, fish) and the man page untrain(1), written from the command line's definition
// (command_spec.h). Text only: `untrain completion SHELL` and `untrain man` print them, and the build runs those to
// make the files `cmake --install` and the .deb install.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "cli/command_spec.h"

namespace untrain {

// The script for `shell` (bash, zsh or fish); nothing for another shell.
std::optional<std::string> completion_script(const ProgramSpec& program, std::string_view shell);

// untrain(1) in roff (man(7) macros).
std::string man_page(const ProgramSpec& program);

}  // namespace untrain
