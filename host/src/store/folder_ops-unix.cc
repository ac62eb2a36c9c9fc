// move_no_replace and FolderLock with renameat2(RENAME_NOREPLACE) and flock() (Linux; the build picks this file
// there).
#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/error.h"
#include "store/folder_ops.h"

namespace untrain {
namespace {

[[noreturn]] void fail(const std::string& what) {
  throw Error(Code::storage_unavailable, what + ": " + std::strerror(errno));
}

}  // namespace

// Plain rename after a check where the file system does not support RENAME_NOREPLACE.
bool move_no_replace(const std::filesystem::path& from, const std::filesystem::path& to) {
  if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return true;
  if (errno == ENOENT) return false;
  if (errno == EINVAL || errno == ENOSYS) {
    std::error_code ec;
    if (std::filesystem::exists(to, ec)) errno = EEXIST;
    else if (::rename(from.c_str(), to.c_str()) == 0) return true;
    else if (errno == ENOENT) return false;
  }
  fail("moving " + from.string() + " to " + to.string());
}

FolderLock::FolderLock(const std::filesystem::path& folder) {
  int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) fail("opening " + folder.string());
  while (::flock(fd, LOCK_EX) != 0) {
    if (errno != EINTR) {
      ::close(fd);
      fail("locking " + folder.string());
    }
  }
  handle_ = fd;
}

FolderLock::~FolderLock() { ::close(static_cast<int>(handle_)); }  // closing releases the lock

}  // namespace untrain
