#include "export/csv_export.h"

#include "core/clock.h"

namespace untrain {
namespace {

// RFC 4180 ends every record with CRLF, line breaks inside quoted fields included as they are.
constexpr const char* kRecordEnd = "\r\n";

std::string bool_text(const std::optional<bool>& v) { return v ? (*v ? "true" : "false") : ""; }

}  // namespace

std::string csv_field(std::string_view text) {
  bool quote = text.find_first_of(",\"\r\n") != std::string_view::npos ||
               (!text.empty() && (text.front() == ' ' || text.back() == ' '));
  if (!quote) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string csv_neutralised(std::string_view text) {
  if (text.empty() || std::string_view("=+-@\t\r").find(text.front()) == std::string_view::npos) {
    return std::string(text);
  }
  std::string out;
  out.reserve(text.size() + 1);
  out += '\'';
  out.append(text);
  return out;
}

CsvExportWriter::CsvExportWriter(std::ostream& out) : out_(out) {
  out_ << "seq,time_utc,recorded_utc,kind,action,source,platform,account,setting,value,previous,url,detail,"
          "untrain_version,rules_version,time,recorded,prev_hash,hash"
       << kRecordEnd;
}

void CsvExportWriter::add(const Event& e) {
  const std::string fields[] = {std::to_string(e.seq),
                                format_utc(e.time),
                                format_utc(e.recorded),
                                e.kind,
                                e.action,
                                e.source,
                                e.platform,
                                e.account,
                                e.setting,
                                bool_text(e.value),
                                bool_text(e.previous),
                                e.url,
                                e.detail,
                                e.untrain_version,
                                e.rules_version,
                                std::to_string(e.time),
                                std::to_string(e.recorded),
                                e.prev_hash,
                                e.hash};
  bool first = true;
  for (const auto& field : fields) {
    if (!first) out_ << ',';
    out_ << csv_field(csv_neutralised(field));
    first = false;
  }
  out_ << kRecordEnd;
}

}  // namespace untrain
