// untrain keeps text, and so paths, as UTF-8 std::strings. The system's edges are where that holds or not: on Linux
// every argument, variable and path is bytes already (the functions are plain copies); on Windows the command line
// and the environment are UTF-16 and a narrow std::filesystem::path is read in the ANSI code page, so these convert
// between UTF-8 and UTF-16 (utf8-unix.cc or utf8-win32.cc, picked by the build).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace untrain {

// The process's arguments as UTF-8, argv[0] first. Windows reads its own UTF-16 command line and ignores argv.
std::vector<std::string> utf8_arguments(int argc, char** argv);

// The variable's value as UTF-8, or nullopt when it is unset or empty.
std::optional<std::string> getenv_utf8(const char* name);

// A path from UTF-8 text (an argument, a variable, JSON), and a path's UTF-8 text (to print or to give SQLite).
std::filesystem::path path_from_utf8(std::string_view text);
std::string utf8_of(const std::filesystem::path& path);

}  // namespace untrain
