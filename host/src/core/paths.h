// Where untrain keeps its database: --db, else $UNTRAIN_DB, else the system's default place
// (default_database_path): $XDG_DATA_HOME/untrain, else ~/.local/share/untrain; on Windows
// %LOCALAPPDATA%\untrain. Pure: the environment is passed in.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace untrain {

using Environment = std::function<std::optional<std::string>(const char* name)>;

Environment process_environment();

// paths-unix.cc or paths-win32.cc, picked by the build.
std::filesystem::path default_database_path(const Environment& env);

std::filesystem::path database_path(const std::optional<std::string>& flag, const Environment& env);

}  // namespace untrain
