// libFuzzer target: the CSV writer (csv_export.h). The input is cut into an event's text fields at
// 0x1f bytes; the row written must read back, by RFC 4180's rules, as exactly those fields (each neutralised against
// spreadsheet formulas, csv_neutralised).
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "export/csv_export.h"

namespace {

// RFC 4180, read back: quoted fields with "" for a quote, CRLF between records.
std::vector<std::vector<std::string>> read_csv(const std::string& text) {
  std::vector<std::vector<std::string>> records(1);
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += '"', ++i;
      else if (c == '"') quoted = false;
      else field += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      records.back().push_back(field), field.clear();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      records.back().push_back(field), field.clear();
      records.emplace_back();
      ++i;
    } else {
      field += c;
    }
  }
  if (!field.empty() || !records.back().empty()) records.back().push_back(field);
  if (records.back().empty()) records.pop_back();
  return records;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t end; (end = input.find('\x1f', start)) != std::string::npos; start = end + 1)
    parts.push_back(input.substr(start, end - start));
  parts.push_back(input.substr(start));
  parts.resize(6);

  // A lone field, exactly as written.
  auto one = read_csv(untrain::csv_field(parts[0]) + "\r\n");
  if (one.size() != 1 || one[0].size() != 1 || one[0][0] != parts[0]) std::abort();

  untrain::Event event;
  event.seq = 1;
  event.kind = "observation";
  event.action = parts[1];
  event.source = parts[2];
  event.platform = "linkedin";
  event.account = parts[3];
  event.setting = parts[4];
  event.url = parts[5];
  event.detail = parts[0];
  std::ostringstream out;
  untrain::CsvExportWriter writer(out);
  writer.add(event);
  writer.finish();
  auto records = read_csv(out.str());
  if (records.size() != 2 || records[0].size() != records[1].size()) std::abort();
  const auto& row = records[1];
  using untrain::csv_neutralised;
  if (row[4] != csv_neutralised(parts[1]) || row[5] != csv_neutralised(parts[2]) ||
      row[7] != csv_neutralised(parts[3]) || row[8] != csv_neutralised(parts[4]) ||
      row[11] != csv_neutralised(parts[5]) || row[12] != csv_neutralised(parts[0])) {
    std::abort();
  }
  return 0;
}
