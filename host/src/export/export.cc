#include "export/export.h"

#include "core/clock.h"
#include "core/error.h"
#include "core/version.h"
#include "export/csv_export.h"
#include "export/html_report.h"
#include "export/trail_summary.h"

namespace untrain {

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
  return "untrain-audit-trail-" + day_text(exported_ms) + "." + std::string(to_string(format));
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

Record export_record(const ExportHeader& h, ExportFormat format, ExportSource source) {
  return {Exported{format, source, h.exported_ms, h.events, h.chain, h.filter}, kVersion, ""};
}

}  // namespace

ExportOutcome export_trail(Store& store, ExportFormat format, const EventFilter& filter, std::ostream& out,
                           ExportSource source, std::int64_t now_ms, const ExportProgress& progress, bool record,
                           Lang lang) {
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
        // The summary needs every event before the page can start: a first pass, then the table. The same pass
        // checks the chain, so that a report of a broken trail says so at its top.
        TrailSummary summary;
        ChainVerifier verifier(header.complete);
        store.for_each_event(filter, [&](const Event& e) {
          summary.add(e);
          verifier.add(e);
          ++done;
          if (progress) progress(done, 2 * header.events);
        });
        auto problem = verifier.finish(header.complete ? std::optional<ChainHead>(header.chain) : std::nullopt);
        HtmlReportWriter writer(out, header, summary, problem, lang);
        stream_events(store, filter, writer, done, 2 * header.events, progress);
        break;
      }
    }
  });
  out.flush();
  if (!out) throw Error(Outcome::io, "writing the export failed (disk full, or the output was closed)");
  if (!record) return {header, Event{}, false};
  Event recorded = store.append(export_record(header, format, source), now_ms);
  return {header, recorded, true};
}

}  // namespace untrain
