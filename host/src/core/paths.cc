#include "core/paths.h"

#include <cstdlib>

#include "core/error.h"

namespace untrain {

Environment process_environment() {
  return [](const char* name) -> std::optional<std::string> {
    const char* value = std::getenv(name);
    if (!value || !*value) return std::nullopt;
    return std::string(value);
  };
}

std::filesystem::path database_path(const std::optional<std::string>& flag, const Environment& env) {
  if (flag && !flag->empty()) return *flag;
  if (auto db = env("UNTRAIN_DB")) return *db;
  // XDG says a relative XDG_DATA_HOME is invalid and must be ignored.
  if (auto data = env("XDG_DATA_HOME"); data && data->front() == '/') {
    return std::filesystem::path(*data) / "untrain" / "untrain.db";
  }
  if (auto home = env("HOME")) return std::filesystem::path(*home) / ".local" / "share" / "untrain" / "untrain.db";
  throw Error(Code::storage_unavailable, "cannot tell where the database goes: set HOME, UNTRAIN_DB or --db");
}

}  // namespace untrain
