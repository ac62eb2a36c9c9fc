#include "export/export.h"

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "export/csv_export.h"
#include "core/error.h"
#include "export/html_report.h"
#include "export/trail_summary.h"
#include "core/version.h"

namespace untrain {

std::optional<ExportFormat> export_format_named(std::string_view name) {
  if (name == "json") return ExportFormat::json;
  if (name == "ndjson") return ExportFormat::ndjson;
  if (name == "csv") return ExportFormat::csv;
  if (name == "html") return ExportFormat::html;
  return std::nullopt;
}

std::string_view export_format_name(ExportFormat format) {
  switch (format) {
    case ExportFormat::json: return "json";
    case ExportFormat::ndjson: return "ndjson";
    case ExportFormat::csv: return "csv";
    case ExportFormat::html: return "html";
  }
  return "json";
}

std::string_view export_media_type(ExportFormat format) {
  switch (format) {
    case ExportFormat::json: return "application/json";
    case ExportFormat::ndjson: return "application/x-ndjson";
    case ExportFormat::csv: return "text/csv";
    case ExportFormat::html: return "text/html";
  }
  return "application/octet-stream";
}

std::string export_file_name(ExportFormat format, std::int64_t exported_ms) {
  return "untrain-audit-trail-" + day_text(exported_ms) + "." + std::string(export_format_name(format));
}

namespace {

template <typename Writer>
void stream_events(Store& store, const EventFilter& filter, Writer& writer, std::int64_t& done, std::int64_t total,
                   const ExportProgress& progress) {
  store.for_each_event(filter, [&](const Event& e) {
    writer.add(e);
    ++done;
    if (progress) progress(done, total);
  });
  writer.finish();
}

Event export_event(const ExportHeader& h, ExportFormat format, const std::string& source) {
  nlohmann::json detail = {{"events", h.events}, {"head", h.chain.hash}, {"head_seq", h.chain.seq}};
  if (h.filter.since) detail["since"] = *h.filter.since;
  if (h.filter.until) detail["until"] = *h.filter.until;
  if (h.filter.account) detail["account"] = *h.filter.account;
  Event e;
  e.time = h.exported_ms;
  e.kind = "export";
  e.action = std::string(export_format_name(format));
  e.source = source;
  e.detail = detail.dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
  e.untrain_version = kVersion;
  return e;
}

}  // namespace

ExportOutcome export_trail(Store& store, ExportFormat format, const EventFilter& filter, std::ostream& out,
                           const std::string& source, std::int64_t now_ms, const ExportProgress& progress) {
  ExportHeader header;
  header.exported_ms = now_ms;
  header.untrain_version = kVersion;
  header.filter = filter;
  store.snapshot([&] {
    header.chain = store.head();
    header.events = store.count(filter);
    // seq runs 1..head without gaps, so as many events as the head's seq is all of them.
    header.complete = header.events == header.chain.seq;
    std::int64_t done = 0;
    switch (format) {
      case ExportFormat::json: {
        JsonExportWriter writer(out, header);
        stream_events(store, filter, writer, done, header.events, progress);
        break;
      }
      case ExportFormat::ndjson: {
        NdjsonExportWriter writer(out, header);
        stream_events(store, filter, writer, done, header.events, progress);
        break;
      }
      case ExportFormat::csv: {
        CsvExportWriter writer(out);
        stream_events(store, filter, writer, done, header.events, progress);
        break;
      }
      case ExportFormat::html: {
        // The summary needs every event before the page can start: a first pass, then the table.
        TrailSummary summary;
        store.for_each_event(filter, [&](const Event& e) {
          summary.add(e);
          ++done;
          if (progress) progress(done, 2 * header.events);
        });
        HtmlReportWriter writer(out, header, summary);
        stream_events(store, filter, writer, done, 2 * header.events, progress);
        break;
      }
    }
  });
  out.flush();
  if (!out) throw Error(Code::io, "writing the export failed (disk full, or the output was closed)");
  Event recorded = store.append(export_event(header, format, source), now_ms);
  return {header, recorded};
}

}  // namespace untrain
