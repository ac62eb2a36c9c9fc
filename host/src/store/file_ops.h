// The file-system operations the store and `untrain forget` need beyond std::filesystem, which each system does its
// own way: file_ops-unix.cc (lstat, unlink, open with O_NOFOLLOW, fchmod) or file_ops-win32.cc (the Win32 file API),
// picked by the build.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace untrain {

// True when `path` itself (a symbolic link is not followed) is a regular file.
bool regular_file_here(const std::filesystem::path& path);

enum class Removal { removed, absent, failed };

// Removes the file at `path` (never a folder); on failure sets `why` to a sentence naming the cause.
Removal remove_file(const std::filesystem::path& path, std::string& why);

// Takes others' access away from the database's -wal and -shm kept from an earlier process, never through a symbolic
// link, and quietly where it cannot (a read-only folder is reported by the open). Nothing on Windows: there a file
// inherits its folder's access list, the member's own profile folder.
void make_companions_private(const std::filesystem::path& database);

// Which file `path` names now (device and inode, or volume and file index), to tell a file from its successor at
// the same path; nullopt when there is none.
struct FileIdentity {
  std::uint64_t device = 0, inode = 0;
  bool operator==(const FileIdentity&) const = default;
};
std::optional<FileIdentity> file_identity(const std::filesystem::path& path);

// Creates `file`, never replacing one, readable by the member only (0600 on POSIX). Throws Error(Outcome::io).
void create_private_file(const std::filesystem::path& file);

}  // namespace untrain
