// file_ops.h with the Win32 file API (the build picks this file on Windows).
#include <windows.h>

#include "core/error.h"
#include "store/file_ops.h"

namespace untrain {

bool regular_file_here(const std::filesystem::path& path) {
  DWORD attributes = GetFileAttributesW(path.c_str());
  return attributes != INVALID_FILE_ATTRIBUTES &&
         (attributes & (FILE_ATTRIBUTE_DIRECTORY | FILE_ATTRIBUTE_REPARSE_POINT | FILE_ATTRIBUTE_DEVICE)) == 0;
}

Removal remove_file(const std::filesystem::path& path, std::string& why) {
  if (DeleteFileW(path.c_str())) return Removal::removed;
  DWORD code = GetLastError();
  if (code == ERROR_FILE_NOT_FOUND || code == ERROR_PATH_NOT_FOUND) return Removal::absent;
  why = "Windows error " + std::to_string(code);
  return Removal::failed;
}

void make_companions_private(const std::filesystem::path&) {}

std::optional<FileIdentity> file_identity(const std::filesystem::path& path) {
  HANDLE file = CreateFileW(path.c_str(), 0, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                            OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, nullptr);
  if (file == INVALID_HANDLE_VALUE) return std::nullopt;
  BY_HANDLE_FILE_INFORMATION info{};
  bool known = GetFileInformationByHandle(file, &info);
  CloseHandle(file);
  if (!known) return std::nullopt;
  return FileIdentity{info.dwVolumeSerialNumber,
                      (static_cast<std::uint64_t>(info.nFileIndexHigh) << 32) | info.nFileIndexLow};
}

void create_private_file(const std::filesystem::path& file) {
  // CREATE_NEW never replaces; the file inherits its folder's access list, as every file untrain writes there.
  HANDLE handle = CreateFileW(file.c_str(), GENERIC_WRITE, 0, nullptr, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, nullptr);
  if (handle == INVALID_HANDLE_VALUE) {
    throw Error(Outcome::io, "creating " + file.string() + ": Windows error " + std::to_string(GetLastError()));
  }
  CloseHandle(handle);
}

}  // namespace untrain
