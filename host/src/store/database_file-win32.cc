// The checks and the creation of the database file and its folder, before SQLite opens it (database_file.h), with
// Windows calls (the build picks this file there). There are no modes to set: a folder made under the member's
// profile (%LOCALAPPDATA%) inherits the profile's ACL, which gives the member, SYSTEM and Administrators access and
// nobody else, the equivalent of 0700 and 0600 (docs/security.md, "Windows").
#include <windows.h>

#include <string>
#include <vector>

#include "core/error.h"
#include "store/database_file.h"
#include "store/database_file_refusal.h"

namespace untrain {
namespace {

std::string error_text(DWORD code) {
  char* text = nullptr;
  FormatMessageA(FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, nullptr,
                 code, 0, reinterpret_cast<char*>(&text), 0, nullptr);
  std::string message = text ? text : "error " + std::to_string(code);
  if (text) LocalFree(text);
  while (!message.empty() && (message.back() == '\n' || message.back() == '\r' || message.back() == ' '))
    message.pop_back();
  return message;
}

bool missing_error(DWORD code) { return code == ERROR_FILE_NOT_FOUND || code == ERROR_PATH_NOT_FOUND; }

// Opens the path itself, never what a symbolic link or junction points at (FILE_FLAG_OPEN_REPARSE_POINT), and a
// folder too (FILE_FLAG_BACKUP_SEMANTICS), so that each can be told apart and refused.
HANDLE open_itself(const std::filesystem::path& path, DWORD access, DWORD disposition) {
  return CreateFileW(path.c_str(), access, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr, disposition,
                     FILE_FLAG_OPEN_REPARSE_POINT | FILE_FLAG_BACKUP_SEMANTICS, nullptr);
}

// Refuses what is not a regular file on a disk: a folder, a link, a device, a pipe.
void check_regular(HANDLE file, const std::filesystem::path& path) {
  if (GetFileType(file) != FILE_TYPE_DISK) {
    CloseHandle(file);
    refuse_database_path(path, "is a device or a pipe, not a database");
  }
  BY_HANDLE_FILE_INFORMATION info{};
  if (!GetFileInformationByHandle(file, &info)) {
    DWORD code = GetLastError();
    CloseHandle(file);
    throw Error(Code::storage_unavailable, "looking at the database " + path.string() + ": " + error_text(code));
  }
  if (info.dwFileAttributes & FILE_ATTRIBUTE_REPARSE_POINT) {
    CloseHandle(file);
    refuse_database_path(path, "is a symbolic link, which untrain does not follow");
  }
  if (info.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) {
    CloseHandle(file);
    refuse_database_path(path, "is a folder, not a database");
  }
}

}  // namespace

DatabaseFile inspect_database_file(const std::filesystem::path& path) {
  HANDLE file = open_itself(path, GENERIC_READ, OPEN_EXISTING);
  if (file == INVALID_HANDLE_VALUE) {
    DWORD code = GetLastError();
    if (missing_error(code)) return DatabaseFile::missing;
    throw Error(Code::storage_unavailable, "opening the database " + path.string() + ": " + error_text(code));
  }
  check_regular(file, path);
  char header[16];
  DWORD got = 0;
  bool read = ReadFile(file, header, sizeof header, &got, nullptr);
  DWORD code = GetLastError();
  CloseHandle(file);
  if (!read) throw Error(Code::storage_unavailable, "reading the database " + path.string() + ": " + error_text(code));
  return database_file_kind(std::string_view(header, got), path);
}

void prepare_database_file(const std::filesystem::path& path) {
  if (inspect_database_file(path) == DatabaseFile::missing) {
    std::error_code ec;
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
    if (ec) throw Error(Code::storage_unavailable, "creating " + path.parent_path().string() + ": " + ec.message());
    HANDLE file = open_itself(path, GENERIC_READ | GENERIC_WRITE, CREATE_NEW);
    if (file != INVALID_HANDLE_VALUE) {
      CloseHandle(file);
      return;
    }
    DWORD code = GetLastError();
    if (code != ERROR_FILE_EXISTS && code != ERROR_ALREADY_EXISTS)
      throw Error(Code::storage_unavailable, "creating the database " + path.string() + ": " + error_text(code));
    // Made by another process meanwhile, or put there by someone else: look again.
    if (inspect_database_file(path) == DatabaseFile::missing) return;
  }
  // There already: opened to write, so that a read-only file is said in Windows' words.
  HANDLE file = open_itself(path, GENERIC_READ | GENERIC_WRITE, OPEN_EXISTING);
  if (file == INVALID_HANDLE_VALUE) {
    DWORD code = GetLastError();
    throw Error(Code::storage_unavailable, "opening " + path.string() + ": " + error_text(code));
  }
  check_regular(file, path);
  CloseHandle(file);
}

bool database_file_writable(const std::filesystem::path& path) {
  HANDLE file = open_itself(path, GENERIC_WRITE, OPEN_EXISTING);
  if (file == INVALID_HANDLE_VALUE) return false;
  CloseHandle(file);
  return true;
}

void make_database_private(const std::filesystem::path&) {}

}  // namespace untrain
