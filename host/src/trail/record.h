// What the host appends to the audit trail, in types: an observation, a nudge, a form or an
// export, with the versions that wrote it. Store::append turns a record into the stored row once
// (stored_event) and keeps its state tables from the typed fields, so no detail is written as text
// and read back inside the host.
#pragma once

#include <cstdint>
#include <string>
#include <variant>

#include "trail/canonical.h"
#include "trail/event.h"
#include "trail/event_filter.h"
#include "trail/form.h"
#include "trail/nudge.h"
#include "trail/observation.h"
#include "trail/vocabulary.h"

namespace untrain {

// An export the host made (docs/audit-trail.md, kind `export`).
struct Exported {
  ExportFormat format = ExportFormat::json;
  ExportSource source = ExportSource::cli;
  std::int64_t time_ms = 0;  // when it was made
  std::int64_t events = 0;   // how many events it holds
  ChainHead head;            // the end of the chain it was made from
  EventFilter filter;        // what it covers
};

struct Record {
  std::variant<Observation, Nudge, FormReport, Exported> what;
  std::string untrain_version = "";  // "" when not known
  std::string rules_version = "";    // "" when no rules were involved
};

// The export as the store keeps it; detail holds the count, the chain's end and the filter.
Event export_event(const Exported& exported);

// The row for `record`, all but what only the store can fill in: seq, recorded, the hashes, and
// an observation's action and previous value.
Event stored_event(const Record& record);

}  // namespace untrain
