// Writing an export to a file of its own, through a temporary file and a rename (output_file.h), with POSIX calls:
// mkstemp, fsync and renameat2(RENAME_NOREPLACE) (Linux, macOS; the build picks this file there).
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "cli/output_file.h"
#include "core/error.h"

namespace untrain {
namespace {

[[noreturn]] void fail(const std::string& what) { throw Error(Outcome::io, what + ": " + std::strerror(errno)); }

// Same device and inode: the same file, whatever path (or link) names it.
bool same_file(const struct stat& a, const std::filesystem::path& other) {
  struct stat b {};
  return ::stat(other.c_str(), &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

}  // namespace

OutputFile::OutputFile(const std::filesystem::path& target, bool replace, const std::filesystem::path& database)
    : target_(target), replace_(replace) {
  struct stat st {};
  if (::stat(target.c_str(), &st) == 0) {
    for (const auto& file :
         {database.string(), database.string() + "-wal", database.string() + "-shm", database.string() + "-journal"}) {
      if (same_file(st, file)) {
        throw Error(Outcome::usage, target.string() + " is the database (" + file +
                                        "): an export never replaces the audit trail; choose another file");
      }
    }
  }
  struct stat link {};
  if (::lstat(target.c_str(), &link) == 0) {
    if (S_ISDIR(link.st_mode)) throw Error(Outcome::usage, target.string() + " is a folder: name a file to write");
    if (!S_ISREG(link.st_mode) && !S_ISLNK(link.st_mode)) {
      throw Error(Outcome::usage, target.string() + " is not a regular file: untrain does not replace it");
    }
    if (!replace) {
      throw Error(Outcome::usage, target.string() + " exists: untrain does not replace it without --force");
    }
  }
  auto folder = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  std::string pattern = (folder / ("." + target.filename().string() + ".untrain-XXXXXX")).string();
  int fd = ::mkstemp(pattern.data());  // O_CREAT | O_EXCL, 0600: a new file, never a link
  if (fd < 0) fail("cannot write " + target.string() + " (creating a temporary file in " + folder.string() + ")");
  ::fchmod(fd, 0600);  // an export is the member's private record, whatever the umask
  temporary_ = pattern;
  buffer_ = std::make_unique<__gnu_cxx::stdio_filebuf<char>>(fd, std::ios::out | std::ios::binary);
  stream_ = std::make_unique<std::ostream>(buffer_.get());
}

OutputFile::~OutputFile() {
  stream_.reset();
  buffer_.reset();  // closes the descriptor
  if (!committed_) ::unlink(temporary_.c_str());
}

void OutputFile::commit() {
  stream_->flush();
  if (!*stream_ || ::fsync(buffer_->fd()) != 0) fail("writing " + target_.string());
  stream_.reset();
  if (buffer_->close() == nullptr) fail("writing " + target_.string());
  // rename() replaces a link at the target rather than writing through it.
  int moved = replace_ ? ::rename(temporary_.c_str(), target_.c_str())
                       : ::renameat2(AT_FDCWD, temporary_.c_str(), AT_FDCWD, target_.c_str(), RENAME_NOREPLACE);
  if (moved != 0 && !replace_ && (errno == EINVAL || errno == ENOSYS)) {
    // A file system without RENAME_NOREPLACE: link() also refuses an existing name.
    moved = ::link(temporary_.c_str(), target_.c_str());
    if (moved == 0) ::unlink(temporary_.c_str());
  }
  if (moved != 0) {
    if (errno == EEXIST) {
      throw Error(Outcome::usage, target_.string() + " exists: untrain does not replace it without --force");
    }
    fail("writing " + target_.string());
  }
  committed_ = true;
}

}  // namespace untrain
