// What a database file's first bytes say, and the refusal of anything else (database_file.h). Decisions only: the
// file itself is opened in database_file-unix.cc or database_file-win32.cc, picked by the build.
#include "store/database_file.h"

#include "core/error.h"
#include "store/database_file_refusal.h"

namespace untrain {
namespace {

constexpr std::string_view kSqliteHeader{"SQLite format 3\0", 16};

}  // namespace

void refuse_database_path(const std::filesystem::path& path, const std::string& what) {
  throw Error(Code::storage_unavailable, "the database path " + path.string() + " " + what +
                                             ": untrain leaves it as it is; name another file with --db or UNTRAIN_DB");
}

DatabaseFile database_file_kind(std::string_view first_bytes, const std::filesystem::path& path) {
  if (first_bytes.empty()) return DatabaseFile::empty;
  if (first_bytes.substr(0, kSqliteHeader.size()) != kSqliteHeader) {
    refuse_database_path(path, "is not a database (its first bytes are not SQLite's header)");
  }
  return DatabaseFile::sqlite;
}

}  // namespace untrain
