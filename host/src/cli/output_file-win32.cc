// Writing an export to a file of its own, through a temporary file and a rename (output_file.h), on Windows (the
// build picks this file there): CreateFileW(CREATE_NEW), FlushFileBuffers and MoveFileExW, which replaces only when
// asked to. The temporary file inherits the folder's ACL; under the member's profile that is theirs alone.
#include <fcntl.h>
#include <io.h>
#include <windows.h>

#include "cli/output_file.h"
#include "core/crypto.h"
#include "core/error.h"
#include "core/utf8.h"

namespace untrain {
namespace {

[[noreturn]] void fail(const std::string& what) {
  throw Error(Outcome::io, what + ": Windows error " + std::to_string(GetLastError()));
}

}  // namespace

OutputFile::OutputFile(const std::filesystem::path& target, bool replace, const std::filesystem::path& database)
    : target_(target), replace_(replace) {
  std::error_code ec;
  std::string base = utf8_of(database);
  for (const auto& file : {base, base + "-wal", base + "-shm", base + "-journal"}) {
    if (std::filesystem::equivalent(target, path_from_utf8(file), ec) && !ec) {
      throw Error(Outcome::usage, utf8_of(target) + " is the database (" + file +
                                      "): an export never replaces the audit trail; choose another file");
    }
  }
  auto link = std::filesystem::symlink_status(target, ec);
  if (!ec && std::filesystem::exists(link)) {
    if (std::filesystem::is_directory(link)) {
      throw Error(Outcome::usage, utf8_of(target) + " is a folder: name a file to write");
    }
    if (!std::filesystem::is_regular_file(link) && !std::filesystem::is_symlink(link)) {
      throw Error(Outcome::usage, utf8_of(target) + " is not a regular file: untrain does not replace it");
    }
    if (!replace) {
      throw Error(Outcome::usage, utf8_of(target) + " exists: untrain does not replace it without --force");
    }
  }
  auto folder = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  unsigned char bytes[6];
  random_bytes(bytes, sizeof bytes);
  std::string suffix;
  for (unsigned char b : bytes) suffix += "0123456789abcdef"[b & 0xF];
  temporary_ = folder / path_from_utf8("." + utf8_of(target.filename()) + ".untrain-" + suffix);
  HANDLE handle =
      CreateFileW(temporary_.c_str(), GENERIC_WRITE, 0, nullptr, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, nullptr);
  if (handle == INVALID_HANDLE_VALUE) {
    temporary_.clear();
    fail("cannot write " + utf8_of(target) + " (creating a temporary file in " + utf8_of(folder) + ")");
  }
  int fd = _open_osfhandle(reinterpret_cast<std::intptr_t>(handle), _O_BINARY);
  if (fd < 0) {
    CloseHandle(handle);
    DeleteFileW(temporary_.c_str());
    temporary_.clear();
    fail("cannot write " + utf8_of(target));
  }
  buffer_ = std::make_unique<__gnu_cxx::stdio_filebuf<char>>(fd, std::ios::out | std::ios::binary);
  stream_ = std::make_unique<std::ostream>(buffer_.get());
}

OutputFile::~OutputFile() {
  stream_.reset();
  buffer_.reset();  // closes the file
  if (!committed_ && !temporary_.empty()) DeleteFileW(temporary_.c_str());
}

void OutputFile::commit() {
  stream_->flush();
  if (!*stream_ || !FlushFileBuffers(reinterpret_cast<HANDLE>(_get_osfhandle(buffer_->fd())))) {
    fail("writing " + utf8_of(target_));
  }
  stream_.reset();
  if (buffer_->close() == nullptr) fail("writing " + utf8_of(target_));
  DWORD flags = MOVEFILE_WRITE_THROUGH | (replace_ ? MOVEFILE_REPLACE_EXISTING : 0);
  if (!MoveFileExW(temporary_.c_str(), target_.c_str(), flags)) {
    DWORD code = GetLastError();
    if (code == ERROR_ALREADY_EXISTS || code == ERROR_FILE_EXISTS) {
      throw Error(Outcome::usage, utf8_of(target_) + " exists: untrain does not replace it without --force");
    }
    fail("writing " + utf8_of(target_));
  }
  committed_ = true;
}

}  // namespace untrain
