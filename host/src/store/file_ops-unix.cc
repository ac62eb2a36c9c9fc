// file_ops.h with POSIX calls (Linux; the build picks this file there).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/error.h"
#include "store/file_ops.h"

namespace untrain {

bool regular_file_here(const std::filesystem::path& path) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

Removal remove_file(const std::filesystem::path& path, std::string& why) {
  if (::unlink(path.c_str()) == 0) return Removal::removed;
  if (errno == ENOENT) return Removal::absent;
  why = std::strerror(errno);
  return Removal::failed;
}

void make_companions_private(const std::filesystem::path& database) {
  for (const char* suffix : {"-wal", "-shm"}) {
    std::string name = database.string() + suffix;
    int fd = ::open(name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) continue;
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 077) != 0) ::fchmod(fd, st.st_mode & 0700);
    ::close(fd);
  }
}

std::optional<FileIdentity> file_identity(const std::filesystem::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return FileIdentity{static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino)};
}

void create_private_file(const std::filesystem::path& file) {
  int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) throw Error(Outcome::io, "creating " + file.string() + ": " + std::strerror(errno));
  ::fchmod(fd, 0600);
  ::close(fd);
}

}  // namespace untrain
