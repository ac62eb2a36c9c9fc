// `untrain forget`: the files that make up one trail, and their removal. The member owns the file: this is how they
// end it, without hunting for the write-ahead log or the damaged copies untrain moved aside.
//
// Only what untrain made at that path is named: the database, its -wal, -shm and -journal, and each damaged copy moved
// aside from it ("untrain.db.corrupt-<time>") with its own. Each must be a regular file (a symbolic link or a folder
// under one of those names is not untrain's, and is neither followed nor removed); nothing else in the folder, and
// never the folder, is touched.
#pragma once

#include <filesystem>
#include <vector>

namespace untrain {

// The trail's files that exist now, the database first. Throws Error(storage_unavailable), and names none, when the
// database path holds something that is not an SQLite database (database_file.h): then it is not untrain's to remove.
std::vector<std::filesystem::path> trail_files(const std::filesystem::path& database);

// Removes `files` (as trail_files named them), each only if it is still a regular file; returns those it removed.
// Throws Error(storage_unavailable) naming the first that could not be removed, after removing what it could.
std::vector<std::filesystem::path> remove_trail_files(const std::vector<std::filesystem::path>& files);

}  // namespace untrain
