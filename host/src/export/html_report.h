// The HTML export: one self-contained page a member can hand to a regulator or print to PDF. It
// holds a plain-language summary per setting, an SVG timeline per setting (On/Off/unknown), the
// chain head, how to verify, and the event table. Inline CSS and SVG only: no scripts, no external
// resources, no links a page could follow. Pure formatting: the caller feeds the summary (a first
// pass over the events) and then the events (a second pass), so memory stays constant.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "core/rules.h"
#include "export/json_export.h"
#include "export/report_lang.h"
#include "export/trail_summary.h"
#include "trail/chain_verifier.h"

namespace untrain {

// Text safe anywhere in HTML content or a quoted attribute.
std::string html_escape(std::string_view text);

// An inline <svg> of the bands of one setting over [from, to), with a legend and the range's dates, in `lang`.
std::string timeline_svg(const std::vector<Band>& bands, std::int64_t from, std::int64_t to, const std::string& label,
                         Lang lang = Lang::en);

class HtmlReportWriter {
 public:
  // Writes everything above the event table. `problem` is what the chain check of the same events found: the page
  // says so first, before anything a reader might take for the record. Every word and date is in `lang`.
  HtmlReportWriter(std::ostream& out, const ExportHeader& header, const TrailSummary& summary,
                   const std::optional<ChainProblem>& problem = std::nullopt, Lang lang = Lang::en);
  void add(const Event& event);  // one table row
  void finish();

 private:
  std::ostream& out_;
  Lang lang_;
  std::int64_t rows_ = 0;
};

// How many events the report's table prints on one page.
inline constexpr std::int64_t kRowsPerPage = 40;

}  // namespace untrain
