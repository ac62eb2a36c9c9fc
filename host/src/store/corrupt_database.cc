#include "store/corrupt_database.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>

#include "core/error.h"
#include "core/utf8.h"
#include "store/folder_ops.h"

namespace untrain {
namespace {

const char* const kCompanions[] = {"-wal", "-shm", "-journal"};

}  // namespace

std::string corrupt_name(const std::string& database_file_name, std::int64_t now_ms) {
  std::time_t seconds = static_cast<std::time_t>(now_ms / 1000);
  std::tm utc{};
  ::gmtime_r(&seconds, &utc);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &utc);
  return database_file_name + ".corrupt-" + stamp;
}

std::optional<std::filesystem::path> move_aside(const std::filesystem::path& database, std::int64_t now_ms,
                                                const std::function<bool()>& still_damaged) {
  auto folder = database.has_parent_path() ? database.parent_path() : std::filesystem::path(".");
  FolderLock lock(folder);
  if (!still_damaged()) return std::nullopt;
  std::string base = corrupt_name(utf8_of(database.filename()), now_ms);
  // Two damaged files in one second get -2, -3, …: an earlier one is never replaced.
  for (int attempt = 1; attempt < 1000; ++attempt) {
    auto target = folder / path_from_utf8(attempt == 1 ? base : base + "-" + std::to_string(attempt));
    std::error_code ec;
    bool taken = std::filesystem::exists(target, ec);
    for (const char* companion : kCompanions)
      taken = taken || std::filesystem::exists(std::filesystem::path(target) += companion, ec);
    if (taken) continue;
    try {
      if (!move_no_replace(database, target)) return std::nullopt;
    } catch (const Error&) {
      if (errno == EEXIST) continue;
      throw;
    }
    // The -wal may hold the latest transactions: it goes with the file, under the matching name.
    for (const char* companion : kCompanions) {
      move_no_replace(std::filesystem::path(database) += companion, std::filesystem::path(target) += companion);
    }
    return target;
  }
  throw Error(Code::storage_unavailable, "too many damaged databases moved aside in " + folder.string());
}

std::vector<std::filesystem::path> moved_aside(const std::filesystem::path& database) {
  std::vector<std::filesystem::path> found;
  auto folder = database.has_parent_path() ? database.parent_path() : std::filesystem::path(".");
  std::string prefix = utf8_of(database.filename()) + ".corrupt-";
  std::error_code ec;
  for (auto it = std::filesystem::directory_iterator(folder, ec); !ec && it != std::filesystem::directory_iterator();
       it.increment(ec)) {
    std::string name = utf8_of(it->path().filename());
    if (name.rfind(prefix, 0) != 0) continue;
    bool companion = false;
    for (const char* suffix : kCompanions) {
      std::string s(suffix);
      companion = companion || (name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0);
    }
    if (!companion) found.push_back(it->path());
  }
  std::sort(found.begin(), found.end());  // the UTC stamp sorts by time
  return found;
}

}  // namespace untrain
