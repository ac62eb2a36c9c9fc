// What is at the database path before SQLite is let near it: untrain writes only to a database it made, or to a
// regular file whose header says SQLite; anything else there (a text file, an export, /etc/passwd, a folder, a FIFO,
// /dev/null, a symbolic link) is refused and left exactly as it was.
#pragma once

#include <filesystem>
#include <string_view>

namespace untrain {

enum class DatabaseFile {
  missing,  // nothing at the path: a write creates it, a read finds no events yet
  empty,    // a regular file of no bytes: SQLite makes a new database in it
  sqlite,   // a regular file whose first 16 bytes are SQLite's header (damaged or not)
};

// Pure: what a regular file holds, from its first bytes (all of them when fewer than 16). Whose database an SQLite
// file is, SQLite itself reads once it is open (database_owner.h): a damaged header is damage, not a stranger's mark.
// Throws Error(storage_unavailable) when they are not SQLite's header.
DatabaseFile database_file_kind(std::string_view first_bytes, const std::filesystem::path& path);

// Looks at the path without following a symbolic link, without blocking on a FIFO and without changing anything.
// Throws Error(storage_unavailable) for anything that is not a regular file holding nothing or an SQLite database.
DatabaseFile inspect_database_file(const std::filesystem::path& path);

// Makes the database file for a write: its folder, when missing, created 0700 (a folder that exists is untrain's
// only if untrain made it, so it is never chmod'ed), and the file, when missing, created 0600 with O_EXCL and
// O_NOFOLLOW; an existing file is opened to write and left as it is. Refuses what inspect_database_file refuses.
// Throws Error(storage_unavailable).
void prepare_database_file(const std::filesystem::path& path);

// Makes an existing database file private (0600) when others may read it, through a descriptor that checked it is a
// regular file: once it is known to be untrain's (database_owner.h), never before. Nothing on Windows, where the file
// inherits the member's profile's access list.
void make_database_private(const std::filesystem::path& path);

// Whether this process may write to the database file (and so record an event), by the kernel's own check.
bool database_file_writable(const std::filesystem::path& path);

}  // namespace untrain
