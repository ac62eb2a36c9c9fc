// The database's default place on Windows (the build picks this file there): %LOCALAPPDATA%\untrain\untrain.db, the
// member's own, unroamed application data, private to them through their profile's ACL. Pure.
#include "core/error.h"
#include "core/paths.h"
#include "core/utf8.h"

namespace untrain {

std::filesystem::path default_database_path(const Environment& env) {
  if (auto local = env("LOCALAPPDATA")) return path_from_utf8(*local) / "untrain" / "untrain.db";
  if (auto profile = env("USERPROFILE")) {
    return path_from_utf8(*profile) / "AppData" / "Local" / "untrain" / "untrain.db";
  }
  throw Error(Code::storage_unavailable, "cannot tell where the database goes: set LOCALAPPDATA, UNTRAIN_DB or --db");
}

}  // namespace untrain
