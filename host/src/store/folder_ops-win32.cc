// move_no_replace and FolderLock on Windows (the build picks this file there): MoveFileExW without
// MOVEFILE_REPLACE_EXISTING never replaces, and the lock is a named mutex of the member's session, named after the
// folder (folders cannot be locked as files are there).
#include <windows.h>

#include <cerrno>
#include <cwctype>

#include "core/crypto.h"
#include "core/error.h"
#include "store/folder_ops.h"

namespace untrain {

bool move_no_replace(const std::filesystem::path& from, const std::filesystem::path& to) {
  if (MoveFileExW(from.c_str(), to.c_str(), 0)) return true;
  DWORD code = GetLastError();
  if (code == ERROR_FILE_NOT_FOUND || code == ERROR_PATH_NOT_FOUND) return false;
  errno = (code == ERROR_ALREADY_EXISTS || code == ERROR_FILE_EXISTS) ? EEXIST : EIO;
  throw Error(Code::storage_unavailable,
              "moving " + from.string() + " to " + to.string() + ": Windows error " + std::to_string(code));
}

FolderLock::FolderLock(const std::filesystem::path& folder) {
  // One name per folder, whatever its spelling: the absolute path in lower case, hashed.
  std::wstring path = std::filesystem::absolute(folder).lexically_normal().wstring();
  for (auto& c : path) c = static_cast<wchar_t>(std::towlower(c));
  std::string bytes(reinterpret_cast<const char*>(path.data()), path.size() * sizeof(wchar_t));
  std::wstring name = L"Local\\untrain-folder-";
  for (unsigned char b : sha256(bytes)) {
    static constexpr wchar_t kHex[] = L"0123456789abcdef";
    name += kHex[b >> 4];
    name += kHex[b & 0xF];
  }
  HANDLE mutex = CreateMutexW(nullptr, FALSE, name.c_str());
  if (!mutex) throw Error(Code::storage_unavailable, "locking " + folder.string() + ": CreateMutexW failed");
  DWORD waited = WaitForSingleObject(mutex, INFINITE);
  if (waited != WAIT_OBJECT_0 && waited != WAIT_ABANDONED) {
    CloseHandle(mutex);
    throw Error(Code::storage_unavailable, "locking " + folder.string());
  }
  handle_ = reinterpret_cast<std::intptr_t>(mutex);
}

FolderLock::~FolderLock() {
  auto mutex = reinterpret_cast<HANDLE>(handle_);
  ReleaseMutex(mutex);
  CloseHandle(mutex);
}

}  // namespace untrain
