// The two file-system operations moving a damaged database aside needs (corrupt_database.h), which each system does
// its own way: folder_ops-unix.cc (flock, renameat2) or folder_ops-win32.cc (a named mutex, MoveFileExW), picked by
// the build.
#pragma once

#include <cstdint>
#include <filesystem>

namespace untrain {

// Moves `from` to `to`, never replacing a file at `to`. False when `from` does not exist. Throws
// Error(storage_unavailable), with errno set to EEXIST when `to` was there already.
bool move_no_replace(const std::filesystem::path& from, const std::filesystem::path& to);

// An exclusive lock, between processes, on moving files aside in `folder`, held for the object's lifetime.
// Throws Error(storage_unavailable) when it cannot be taken.
class FolderLock {
 public:
  explicit FolderLock(const std::filesystem::path& folder);
  ~FolderLock();
  FolderLock(const FolderLock&) = delete;
  FolderLock& operator=(const FolderLock&) = delete;

 private:
  std::intptr_t handle_ = -1;  // a file descriptor, or a Windows HANDLE
};

}  // namespace untrain
