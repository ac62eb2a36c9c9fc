// Exports through the native-messaging protocol (docs/protocol.md, `export` and `export-chunk`).
// A reply may not exceed 1 MiB, so an export is first written to a private temporary file next to
// the database (mode 0600, in the database's 0700 folder) and then handed out in chunks. A file is
// deleted once its last chunk is sent, when the session ends, or, should the host have been killed,
// by the next export an hour later.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "export/report_lang.h"
#include "store/store.h"
#include "trail/event_filter.h"
#include "trail/vocabulary.h"

namespace untrain {

class ExportSpool {
 public:
  ExportSpool() = default;
  ~ExportSpool();  // removes the files of exports not fetched to the end
  ExportSpool(const ExportSpool&) = delete;
  ExportSpool& operator=(const ExportSpool&) = delete;

  // Makes the export and returns the `export` reply's result, with its first chunk.
  nlohmann::json start(Store& store, ExportFormat format, const EventFilter& filter, std::int64_t now_ms,
                       Lang lang = Lang::en);
  // The `export-chunk` reply's result. Throws Error(bad_request) for an unknown handle or an offset
  // that is not one this export handed out.
  nlohmann::json chunk(const std::string& handle, std::int64_t offset);

  std::size_t open_exports() const { return files_.size(); }

  // Raw chunk text at most this long, and at most kMaxEscaped once escaped in the reply.
  static constexpr std::size_t kMaxChunk = 512 * 1024;
  static constexpr std::size_t kMaxEscaped = 1024 * 1024 - 16 * 1024;

 private:
  struct File {
    std::filesystem::path path;
    std::int64_t size = 0;
  };
  void forget(const std::string& handle);

  std::map<std::string, File> files_;
};

}  // namespace untrain
