// Making an export of the audit trail (docs/cli.md, docs/protocol.md): reads one consistent
// snapshot of the log, streams it event by event through the format's writer (constant memory),
// then records the export itself as an event of kind `export`.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "export/json_export.h"
#include "export/report_lang.h"
#include "store/store.h"
#include "trail/event_filter.h"
#include "trail/vocabulary.h"

namespace untrain {

// ExportFormat and its names are in trail/vocabulary.h, as a format is also its export event's
// action.
std::string_view export_media_type(ExportFormat format);
// "untrain-audit-trail-2026-11-28.html"
std::string export_file_name(ExportFormat format, std::int64_t exported_ms);

struct ExportOutcome {
  ExportHeader header;
  Event event;           // the `export` event that records this export
  bool recorded = true;  // false when asked not to record it (a read-only or missing database): `event` is empty
};

// Called after each event written: (events written so far, events to write in all).
using ExportProgress = std::function<void(std::int64_t done, std::int64_t total)>;

// Writes the export to `out`; when `out` fails, throws Error(io) and records nothing. `source` says
// who asked. `record` false leaves the trail as it is, for a database opened only for reading. `lang` is the HTML
// report's language (the other formats have none).
ExportOutcome export_trail(Store& store, ExportFormat format, const EventFilter& filter, std::ostream& out,
                           ExportSource source, std::int64_t now_ms, const ExportProgress& progress = {},
                           bool record = true, Lang lang = Lang::en);

}  // namespace untrain
