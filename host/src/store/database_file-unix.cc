// The checks and the creation of the database file and its folder, before SQLite opens it (database_file.h), with
// POSIX calls: O_NOFOLLOW, O_NONBLOCK, modes 0700 and 0600 (Linux, macOS; the build picks this file there).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include "core/error.h"
#include "store/database_file.h"
#include "store/database_file_refusal.h"

namespace untrain {
namespace {

std::string kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return "is a folder, not a database";
  if (S_ISFIFO(mode)) return "is a FIFO, not a database";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "is a device, not a database";
  if (S_ISSOCK(mode)) return "is a socket, not a database";
  return "is not a regular file";
}

// Every folder from the first missing one down to `folder`, each made 0700 by this process: only a folder untrain
// made itself is ever chmod'ed (the umask must not decide, nor may an existing /tmp or ~ be changed).
void make_private_folders(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> missing;
  for (auto p = folder; !p.empty(); p = p.parent_path()) {
    struct stat st {};
    if (::lstat(p.c_str(), &st) == 0) break;
    missing.push_back(p);
    if (p == p.parent_path()) break;
  }
  for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
    if (::mkdir(it->c_str(), 0700) != 0) {
      if (errno == EEXIST) continue;  // another process made it meanwhile: then it is not ours to chmod
      throw Error(Code::storage_unavailable, "creating " + it->string() + ": " + std::strerror(errno));
    }
    int fd = ::open(it->c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd >= 0) {
      ::fchmod(fd, 0700);
      ::close(fd);
    }
  }
}

}  // namespace

DatabaseFile inspect_database_file(const std::filesystem::path& path) {
  // O_NONBLOCK: opening a FIFO for reading must not wait for a writer.
  int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return DatabaseFile::missing;
    if (errno == ELOOP) refuse_database_path(path, "is a symbolic link, which untrain does not follow");
    throw Error(Code::storage_unavailable, "opening the database " + path.string() + ": " + std::strerror(errno));
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    refuse_database_path(path, kind_of(st.st_mode));
  }
  char header[16];
  ssize_t got = ::pread(fd, header, sizeof header, 0);
  int error = errno;
  ::close(fd);
  if (got < 0) {
    throw Error(Code::storage_unavailable, "reading the database " + path.string() + ": " + std::strerror(error));
  }
  return database_file_kind(std::string_view(header, static_cast<std::size_t>(got)), path);
}

namespace {

// A database that is there already: opened to write, so that a read-only file or file system is said in the kernel's
// words. Made private only once it is known to be untrain's (make_database_private).
void open_existing(const std::filesystem::path& path) {
  int fd = ::open(path.c_str(), O_RDWR | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) throw Error(Code::storage_unavailable, "opening " + path.string() + ": " + std::strerror(errno));
  struct stat st {};
  bool regular = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  ::close(fd);
  if (!regular) refuse_database_path(path, kind_of(st.st_mode));
}

}  // namespace

void make_database_private(const std::filesystem::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return;  // gone meanwhile: SQLite's own open says so
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 077) != 0) ::fchmod(fd, 0600);
  ::close(fd);
}

void prepare_database_file(const std::filesystem::path& path) {
  if (inspect_database_file(path) != DatabaseFile::missing) return open_existing(path);
  if (path.has_parent_path()) make_private_folders(path.parent_path());
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) {  // made by another process meanwhile, or put there by someone else: look again
      if (inspect_database_file(path) != DatabaseFile::missing) open_existing(path);
      return;
    }
    throw Error(Code::storage_unavailable, "creating the database " + path.string() + ": " + std::strerror(errno));
  }
  ::fchmod(fd, 0600);  // the umask must not decide; SQLite gives its -wal and -shm files the same mode
  ::close(fd);
}

bool database_file_writable(const std::filesystem::path& path) { return ::access(path.c_str(), W_OK) == 0; }

}  // namespace untrain
