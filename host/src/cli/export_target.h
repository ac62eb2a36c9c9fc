// Where `untrain export` writes and in which format, from --format and -o: the format is the file's extension's
// when --format is absent, a --format the extension contradicts is refused, and no -o (or `-`) is stdout. A decision
// only: the file itself is output_file.h's.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "trail/vocabulary.h"

namespace untrain {

struct ExportTarget {
  ExportFormat format = ExportFormat::json;
  std::optional<std::filesystem::path> file;  // nothing: stdout
};

// The format an extension names (".json", ".ndjson" or ".jsonl", ".csv", ".html" or ".htm", in any case), if any.
std::optional<ExportFormat> format_of_extension(const std::filesystem::path& file);

// Throws Error(usage) when `format` is not a format's name, or names another format than `output`'s extension.
// A file whose extension names no format is written as --format says, JSON by default.
ExportTarget export_target(const std::optional<std::string>& format, const std::optional<std::string>& output);

}  // namespace untrain
