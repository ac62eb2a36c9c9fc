// The JSON and NDJSON exports: a header that names the chain head, then every event with every
// field, so that `untrain verify --file` can check an export with no database (docs/audit-trail.md,
// "Exports"). Pure formatting and parsing; the caller streams events in, one at a time.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <ostream>

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
// The inverse of record_json. Throws Error(bad_json) naming the field when it is not one.
Event event_from_record(const nlohmann::json& record);

// {"export": header, "events": [ … ]}, one event per line, written as they come.
class JsonExportWriter {
 public:
  JsonExportWriter(std::ostream& out, const ExportHeader& header);
  void add(const Event& event);
  void finish();

 private:
  std::ostream& out_;
  bool first_ = true;
};

// One header line {"export": header}, then one event per line.
class NdjsonExportWriter {
 public:
  NdjsonExportWriter(std::ostream& out, const ExportHeader& header);
  void add(const Event& event);
  void finish() {}

 private:
  std::ostream& out_;
};

}  // namespace untrain
