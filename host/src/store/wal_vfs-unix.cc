// wal_vfs.h on Linux (the build picks this file there): SQLite's "unix" VFS with its WAL opened as wal_vfs.h says.
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <string>

#include "store/wal_vfs.h"

namespace untrain::sql {
namespace {

constexpr const char* kName = "untrain-wal";

sqlite3_vfs* base(sqlite3_vfs* self) { return static_cast<sqlite3_vfs*>(self->pAppData); }

// Makes `path`'s name in its folder durable (https://www.sqlite.org/atomiccommit.html, 9.3: a new file's name is
// only as durable as its folder's last sync). False when the folder cannot be synced.
bool sync_folder_of(const std::string& path) {
  auto slash = path.rfind('/');
  std::string folder = slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
  int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return false;
  bool synced = ::fsync(fd) == 0;
  ::close(fd);
  return synced;
}

// Creates the WAL `wal` beside `database` with the database file's mode (what SQLite itself would give it), then
// syncs the folder. A WAL another process created meanwhile is synced too: its creator may not have got there yet.
bool create_durably(const std::string& wal, const std::string& database) {
  struct stat db {};
  mode_t mode = ::stat(database.c_str(), &db) == 0 ? (db.st_mode & 0777) : 0600;
  int fd = ::open(wal.c_str(), O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
  if (fd < 0 && errno != EEXIST) return false;
  if (fd >= 0) {
    ::fchmod(fd, mode);  // the umask may have taken bits away; SQLite does the same (os_unix.c, robust_open)
    ::close(fd);
  }
  return sync_folder_of(wal);
}

// Opens an existing WAL without SQLITE_OPEN_CREATE; SQLITE_CANTOPEN when there is none to open for writing. The unix
// VFS tries a file it cannot open to write again read-only, and SQLite then keeps that WAL read-only for the
// connection's life: every BEGIN IMMEDIATE fails with "attempt to write a readonly database" (src/os_unix.c, unixOpen;
// src/wal.c, sqlite3WalOpen and sqlite3WalBeginWriteTransaction). Asked with SQLITE_OPEN_CREATE, it does so only for a
// file it may not write; without it, also for a WAL that another process created between its two tries (the first
// found no file, the second found one), which is what hosts opening one new trail at once do. Such a file is closed
// and reported missing, so that open_file creates it, finds it there, and opens it again, read-only only when it
// really cannot be written.
int open_existing(sqlite3_vfs* unix, sqlite3_filename name, sqlite3_file* file, int flags, int* out_flags) {
  int opened = 0;
  int rc = unix->xOpen(unix, name, file, flags & ~SQLITE_OPEN_CREATE, &opened);
  if (rc == SQLITE_OK && (flags & SQLITE_OPEN_READWRITE) && (opened & SQLITE_OPEN_READONLY)) {
    file->pMethods->xClose(file);
    return SQLITE_CANTOPEN;
  }
  if (rc == SQLITE_OK && out_flags) *out_flags = opened;
  return rc;
}

int open_file(sqlite3_vfs* self, sqlite3_filename name, sqlite3_file* file, int flags, int* out_flags) {
  sqlite3_vfs* unix = base(self);
  constexpr int kWalCreate = SQLITE_OPEN_WAL | SQLITE_OPEN_CREATE;
  if (name == nullptr || (flags & kWalCreate) != kWalCreate) return unix->xOpen(unix, name, file, flags, out_flags);
  // Without SQLITE_OPEN_CREATE the unix VFS neither creates the file nor syncs its folder.
  int rc = open_existing(unix, name, file, flags, out_flags);
  if (rc == SQLITE_OK) {
    // An empty WAL has had nothing committed into it, so nothing made its name durable yet: another program may have
    // created it and never synced (SQLite syncs the folder at a WAL's first commit). Synced now, before ours.
    sqlite3_int64 size = -1;
    if (file->pMethods->xFileSize(file, &size) == SQLITE_OK && size == 0) sync_folder_of(name);
    return rc;
  }
  std::string wal(name);
  const char* database = sqlite3_filename_database(name);
  if (!create_durably(wal, database ? database : "")) return unix->xOpen(unix, name, file, flags, out_flags);
  return unix->xOpen(unix, name, file, flags & ~SQLITE_OPEN_CREATE, out_flags);
}

// Everything else is the unix VFS's own, called with the unix VFS as `self` (its methods read their own pAppData).
int delete_file(sqlite3_vfs* self, const char* name, int sync_dir) {
  return base(self)->xDelete(base(self), name, sync_dir);
}
int access_file(sqlite3_vfs* self, const char* name, int flags, int* out) {
  return base(self)->xAccess(base(self), name, flags, out);
}
int full_pathname(sqlite3_vfs* self, const char* name, int size, char* out) {
  return base(self)->xFullPathname(base(self), name, size, out);
}
void* dl_open(sqlite3_vfs* self, const char* name) { return base(self)->xDlOpen(base(self), name); }
void dl_error(sqlite3_vfs* self, int size, char* out) { base(self)->xDlError(base(self), size, out); }
void (*dl_sym(sqlite3_vfs* self, void* handle, const char* symbol))(void) {
  return base(self)->xDlSym(base(self), handle, symbol);
}
void dl_close(sqlite3_vfs* self, void* handle) { base(self)->xDlClose(base(self), handle); }
int randomness(sqlite3_vfs* self, int size, char* out) { return base(self)->xRandomness(base(self), size, out); }
int sleep_for(sqlite3_vfs* self, int microseconds) { return base(self)->xSleep(base(self), microseconds); }
int current_time(sqlite3_vfs* self, double* out) { return base(self)->xCurrentTime(base(self), out); }
int last_error(sqlite3_vfs* self, int size, char* out) { return base(self)->xGetLastError(base(self), size, out); }
int current_time_ms(sqlite3_vfs* self, sqlite3_int64* out) { return base(self)->xCurrentTimeInt64(base(self), out); }

sqlite3_vfs* make_vfs() {
  sqlite3_vfs* unix = sqlite3_vfs_find("unix");
  if (unix == nullptr) return nullptr;
  static sqlite3_vfs vfs{};
  vfs.iVersion = 2;
  vfs.szOsFile = unix->szOsFile;
  vfs.mxPathname = unix->mxPathname;
  vfs.zName = kName;
  vfs.pAppData = unix;
  vfs.xOpen = open_file;
  vfs.xDelete = delete_file;
  vfs.xAccess = access_file;
  vfs.xFullPathname = full_pathname;
  vfs.xDlOpen = dl_open;
  vfs.xDlError = dl_error;
  vfs.xDlSym = dl_sym;
  vfs.xDlClose = dl_close;
  vfs.xRandomness = randomness;
  vfs.xSleep = sleep_for;
  vfs.xCurrentTime = current_time;
  vfs.xGetLastError = last_error;
  vfs.xCurrentTimeInt64 = current_time_ms;
  if (sqlite3_vfs_register(&vfs, /*makeDflt=*/0) != SQLITE_OK) return nullptr;
  return &vfs;
}

}  // namespace

const char* wal_vfs() {
  // Registered once per process; without the unix VFS (never on the platforms untrain runs on) SQLite's default.
  static sqlite3_vfs* vfs = make_vfs();
  return vfs ? kName : nullptr;
}

}  // namespace untrain::sql
