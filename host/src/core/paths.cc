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
  return default_database_path(env);
}

}  // namespace untrain
