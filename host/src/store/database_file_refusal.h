// The one sentence for a database path untrain will not touch, shared by database_file.cc and the file of each
// system (database_file-unix.cc, database_file-win32.cc).
#pragma once

#include <filesystem>
#include <string>

namespace untrain {

// Throws Error(storage_unavailable): "the database path P <what>: untrain leaves it as it is; …".
[[noreturn]] void refuse_database_path(const std::filesystem::path& path, const std::string& what);

}  // namespace untrain
