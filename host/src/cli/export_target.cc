// The export's format and destination, decided from the command line (export_target.h).
#include "cli/export_target.h"

#include <algorithm>
#include <cctype>

#include "core/error.h"
#include "core/utf8.h"

namespace untrain {

std::optional<ExportFormat> format_of_extension(const std::filesystem::path& file) {
  std::string extension = file.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (extension == ".json") return ExportFormat::json;
  if (extension == ".ndjson" || extension == ".jsonl") return ExportFormat::ndjson;
  if (extension == ".csv") return ExportFormat::csv;
  if (extension == ".html" || extension == ".htm") return ExportFormat::html;
  return std::nullopt;
}

ExportTarget export_target(const std::optional<std::string>& format, const std::optional<std::string>& output) {
  std::optional<ExportFormat> named;
  if (format) {
    named = parse<ExportFormat>(*format);
    if (!named) throw Error(Outcome::usage, "--format must be json, csv, ndjson or html, not '" + *format + "'");
  }
  ExportTarget target;
  if (output && *output != "-") target.file = path_from_utf8(*output);
  auto implied = target.file ? format_of_extension(*target.file) : std::nullopt;
  if (named && implied && *named != *implied) {
    throw Error(Outcome::usage, "--format " + std::string(to_string(*named)) + " contradicts " + *output + ", a ." +
                                    std::string(to_string(*implied)) +
                                    " file: drop --format, or name a file ending in ." +
                                    std::string(to_string(*named)));
  }
  target.format = named.value_or(implied.value_or(ExportFormat::json));
  return target;
}

}  // namespace untrain
