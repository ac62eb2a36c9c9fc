// The database's default place on Linux and macOS (the build picks this file there): $XDG_DATA_HOME/untrain, else
// ~/.local/share/untrain. Pure.
#include "core/error.h"
#include "core/paths.h"
#include "core/utf8.h"

namespace untrain {

std::filesystem::path default_database_path(const Environment& env) {
  // XDG says a relative XDG_DATA_HOME is invalid and must be ignored.
  if (auto data = env("XDG_DATA_HOME"); data && data->front() == '/') {
    return path_from_utf8(*data) / "untrain" / "untrain.db";
  }
  if (auto home = env("HOME")) return path_from_utf8(*home) / ".local" / "share" / "untrain" / "untrain.db";
  throw Error(Code::storage_unavailable, "cannot tell where the database goes: set HOME, UNTRAIN_DB or --db");
}

}  // namespace untrain
