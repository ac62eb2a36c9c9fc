// A damaged database is never written to and never overwritten: it is moved aside, with its -wal
// and -shm files, to "<name>.corrupt-<UTC time>" in the same folder, where it stays for the member
// (it is their earlier audit trail), and `untrain status` and `untrain doctor` keep pointing at it.
//
// Several host processes may find the same damaged file at once. The move happens under an
// exclusive lock on the folder, and only after the caller's second look (under that lock) still
// finds the file at the path damaged, so a new database that another process has just started in
// its place is never moved. Names are taken with RENAME_NOREPLACE: nothing is ever replaced.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace untrain {

// "untrain.db.corrupt-20261128T100000Z" for untrain.db at 2026-11-28 10:00:00 UTC. Pure.
std::string corrupt_name(const std::string& database_file_name, std::int64_t now_ms);

// Moves `database` (and its -wal, -shm and -journal files) aside when `still_damaged()`, asked
// under the folder's lock, says so; returns where it went, or nullopt when it no longer needed to.
// Throws Error(storage_unavailable) when the folder cannot be locked or the file cannot be moved.
std::optional<std::filesystem::path> move_aside(const std::filesystem::path& database, std::int64_t now_ms,
                                                const std::function<bool()>& still_damaged);

// The damaged databases moved aside from `database`'s folder, oldest first.
std::vector<std::filesystem::path> moved_aside(const std::filesystem::path& database);

}  // namespace untrain
