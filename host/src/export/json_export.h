// The JSON and NDJSON exports: a header that names the chain head, then every event with every
// field, so that `untrain verify --file` can check an export with no database (docs/audit-trail.md,
// "Exports"). Pure formatting and parsing; the caller streams events in, one at a time.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string_view>

#include "trail/canonical.h"
#include "trail/event.h"
#include "trail/event_filter.h"

namespace untrain {

// What an export says about itself.
struct ExportHeader {
  std::int64_t exported_ms = 0;
  std::string untrain_version;
  EventFilter filter;
  std::int64_t events = 0;  // how many events the export holds
  ChainHead chain;          // the head of the whole chain when the export was made
  bool complete = false;    // the export holds every event, seq 1 to the head
};

nlohmann::ordered_json header_json(const ExportHeader& header);
// Throws Error(bad_json) naming the field when `json` is not an export header.
ExportHeader header_from_json(const nlohmann::json& json);

// An event as exports write it: every field, in table order; account, setting, url and detail null
// when empty; value and previous true/false/null; detail as the exact text that was hashed.
nlohmann::ordered_json record_json(const Event& event);
// record_json(event) as JSON text, written directly: the same bytes as dumping it (tests/unit/export/export_test.cc
// holds the two together), without building the json value. Throws json_text::NotUtf8 where the dump would throw.
void append_record(std::string& out, const Event& event);
// The inverse of append_record, for text in exactly the form it writes (its keys in its order, no whitespace,
// integers of up to 18 digits, strings without surrogate escapes): the event nlohmann::json and event_from_record
// would give, without building a json value. nullopt for any other text, valid or not: read that with the parser.
std::optional<Event> read_record(std::string_view text);
// The inverse of record_json. Throws Error(bad_json) naming the field when it is not one.
Event event_from_record(const nlohmann::json& record);

// {"export": header, "events": [ … ]}, one event per line, written as they come (in blocks of about 64 KiB).
class JsonExportWriter {
 public:
  JsonExportWriter(std::ostream& out, const ExportHeader& header);
  void add(const Event& event);
  void finish();

 private:
  std::ostream& out_;
  std::string block_;
  bool first_ = true;
};

// One header line {"export": header}, then one event per line.
class NdjsonExportWriter {
 public:
  NdjsonExportWriter(std::ostream& out, const ExportHeader& header);
  void add(const Event& event);
  void finish();

 private:
  std::ostream& out_;
  std::string block_;
};

}  // namespace untrain
