// Where untrain keeps its database: --db, else $UNTRAIN_DB, else $XDG_DATA_HOME/untrain, else
// ~/.local/share/untrain. Pure: the environment is passed in.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace untrain {

using Environment = std::function<std::optional<std::string>(const char* name)>;

Environment process_environment();

std::filesystem::path database_path(const std::optional<std::string>& flag, const Environment& env);

}  // namespace untrain
