// The file `untrain export -o FILE` writes: never the database itself (or its -wal or -shm), never through a
// symbolic link, never over an existing file without --force, and never half-written under FILE's name. The export
// goes to a new temporary file (0600) in FILE's folder, which is renamed into place once whole; a failed export
// removes only that temporary file.
#pragma once

#include <ext/stdio_filebuf.h>
#include <filesystem>
#include <memory>
#include <ostream>

namespace untrain {

class OutputFile {
 public:
  // Throws Error(usage) when `target` is the database or one of its files, is a folder or another non-regular file (a
  // device, a FIFO), or exists and `replace` is false; Error(io) when the temporary file cannot be made.
  OutputFile(const std::filesystem::path& target, bool replace, const std::filesystem::path& database);
  ~OutputFile();  // removes the temporary file unless committed
  OutputFile(const OutputFile&) = delete;

  std::ostream& stream() { return *stream_; }
  // Flushes, syncs and renames the temporary file to `target` (without replacing anything unless `replace`).
  // Throws Error(io).
  void commit();

 private:
  std::filesystem::path target_, temporary_;
  bool replace_;
  bool committed_ = false;
  std::unique_ptr<__gnu_cxx::stdio_filebuf<char>> buffer_;
  std::unique_ptr<std::ostream> stream_;
};

}  // namespace untrain
