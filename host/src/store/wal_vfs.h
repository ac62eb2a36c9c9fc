// The SQLite VFS the store opens its database through: SQLite's own ("unix"), except how a WAL file is opened, so
// that a commit into a WAL kept between sessions costs one fsync, not two.
//
// SQLite opens a WAL with SQLITE_OPEN_CREATE whether or not the file exists, and the unix VFS fsyncs the folder at
// the first sync of any journal opened that way: making the file's name durable is needed once, when the file is
// created, but SQLite pays it again in every process that commits (https://www.sqlite.org/atomiccommit.html, 9.3
// "Deleting or truncating the journal"; src/os_unix.c, UNIXFILE_DIRSYNC). This VFS opens an existing WAL without
// SQLITE_OPEN_CREATE; a missing one it creates itself, with the database file's mode, and fsyncs the folder before
// SQLite writes a byte into it, as it does for an existing one that is empty (created, perhaps by another program,
// and never committed to). So every WAL's name is durable before any commit in it is acknowledged, whoever created
// it, and a process that finds a WAL in use syncs only the WAL. That is wal_vfs-unix.cc; on Windows, which has no
// folder fsync, wal_vfs-win32.cc names SQLite's default VFS (the build picks the file).
#pragma once

namespace untrain::sql {

// Registers the VFS with SQLite on first use (not as the default) and returns its name for sqlite3_open_v2; nullptr
// for SQLite's default VFS.
const char* wal_vfs();

}  // namespace untrain::sql
