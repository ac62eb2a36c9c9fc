#include "core/paths.h"

#include "core/error.h"
#include "core/utf8.h"

namespace untrain {

Environment process_environment() {
  return [](const char* name) -> std::optional<std::string> { return getenv_utf8(name); };
}

std::filesystem::path database_path(const std::optional<std::string>& flag, const Environment& env) {
  if (flag && !flag->empty()) return path_from_utf8(*flag);
  if (auto db = env("UNTRAIN_DB")) return path_from_utf8(*db);
  return default_database_path(env);
}

}  // namespace untrain
