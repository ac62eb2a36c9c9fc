// The CSV export (RFC 4180): a header row, then one row per event, for spreadsheets. CSV cannot be
// checked on its own; the JSON and NDJSON exports are the ones to verify.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "trail/event.h"

namespace untrain {

// One field as RFC 4180 writes it: quoted (with quotes doubled) when it holds a comma, a quote,
// a line break or leading or trailing space; as it is otherwise.
std::string csv_field(std::string_view text);

// The text a spreadsheet cannot take for a formula (OWASP's "CSV injection" rule): a cell starting with '=', '+',
// '-', '@', a tab or a carriage return gets a leading apostrophe, which spreadsheets show as text and hide. Every
// cell of the CSV export goes through it; the JSON and NDJSON exports keep values exactly.
std::string csv_neutralised(std::string_view text);

class CsvExportWriter {
 public:
  explicit CsvExportWriter(std::ostream& out);  // writes the header row
  void add(const Event& event);
  void finish() {}

 private:
  std::ostream& out_;
};

}  // namespace untrain
