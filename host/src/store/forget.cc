#include "store/forget.h"

#include "core/error.h"
#include "store/corrupt_database.h"
#include "store/database_file.h"
#include "store/file_ops.h"

namespace untrain {
namespace {

bool regular_file(const std::filesystem::path& path) { return regular_file_here(path); }

void add_with_companions(const std::filesystem::path& database, std::vector<std::filesystem::path>& out) {
  if (regular_file(database)) out.push_back(database);
  for (const char* suffix : {"-wal", "-shm", "-journal"}) {
    std::filesystem::path companion = std::filesystem::path(database) += suffix;
    if (regular_file(companion)) out.push_back(companion);
  }
}

}  // namespace

std::vector<std::filesystem::path> trail_files(const std::filesystem::path& database) {
  inspect_database_file(database);  // throws for anything that is not an SQLite database or nothing
  std::vector<std::filesystem::path> files;
  add_with_companions(database, files);
  for (const auto& copy : moved_aside(database)) add_with_companions(copy, files);
  return files;
}

std::vector<std::filesystem::path> remove_trail_files(const std::vector<std::filesystem::path>& files) {
  std::vector<std::filesystem::path> removed;
  std::string failed;
  for (const auto& file : files) {
    // Looked at again just before: a file swapped for a link since it was named is left alone.
    if (!regular_file(file)) continue;
    std::string why;
    Removal removal = remove_file(file, why);
    if (removal == Removal::removed) {
      removed.push_back(file);
    } else if (removal == Removal::failed && failed.empty()) {
      failed = "cannot remove " + file.string() + ": " + why;
    }
  }
  if (!failed.empty()) throw Error(Code::storage_unavailable, failed);
  return removed;
}

}  // namespace untrain
