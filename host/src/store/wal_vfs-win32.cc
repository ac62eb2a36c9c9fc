// wal_vfs.h on Windows (the build picks this file there): SQLite's default VFS ("win32"), unwrapped. The unix
// version exists to skip a folder fsync SQLite repeats at every process's first commit into an existing WAL; Windows
// has no folder fsync (a file's name is made durable by NTFS's own journal, and SQLite's win32 VFS syncs no folder),
// so there is nothing to skip.
#include "store/wal_vfs.h"

namespace untrain::sql {

const char* wal_vfs() { return nullptr; }  // sqlite3_open_v2 with no VFS name: the default

}  // namespace untrain::sql
