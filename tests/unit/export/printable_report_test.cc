// The HTML report prints well: one page per 40 events, no table row or timeline cut across pages, and the timeline
// and values readable in black and white.
#include <catch2/catch.hpp>
#include <sstream>

#include "export/export.h"
#include "export/html_report.h"
#include "store/store.h"
#include "temp_dir.h"

using namespace untrain;

namespace {

std::string report_of(int events) {
  TempDir dir;
  Store store = Store::open(dir.path() / "untrain.db");
  for (int i = 0; i < events; ++i) {
    Observation o;
    o.platform = "linkedin";
    o.account = "jane-doe";
    o.setting = "ai-training";
    o.value = i % 2 == 0;
    o.url = "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement";
    o.time_ms = 1795946400000 + i * 60'000LL;
    store.append({o, "0.1.0", "2026-11-28"}, o.time_ms);
  }
  std::ostringstream out;
  export_trail(store, ExportFormat::html, {}, out, ExportSource::cli, 1795946400000 + 86'400'000LL);
  return out.str();
}

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("the report's table is one group of rows per printed page of 40 events", "[export][html][print]") {
  CHECK(count(report_of(100), "<tbody class=\"page\">") == 3);  // 40, 40, 20
  CHECK(count(report_of(40), "<tbody class=\"page\">") == 1);
  CHECK(count(report_of(41), "<tbody class=\"page\">") == 2);
  CHECK(count(report_of(0), "<tbody class=\"page\">") == 1);
}

TEST_CASE("print starts each group of rows on a new page, repeats the header and cuts no row or timeline",
          "[export][html][print]") {
  auto report = report_of(3);
  auto print = report.substr(report.find("@media print"));
  CHECK_THAT(print, Catch::Contains("tbody.page + tbody.page { break-before: page; }"));
  CHECK_THAT(print, Catch::Contains("thead { display: table-header-group; }"));
  CHECK_THAT(print, Catch::Contains("tr, h3, svg, .summary p, .broken, .partial { break-inside: avoid; }"));
}

TEST_CASE("in print the timeline is black and white: On solid black, Off white and outlined, legend alike",
          "[export][html][print]") {
  auto report = report_of(3);
  auto print = report.substr(report.find("@media print"));
  CHECK_THAT(print, Catch::Contains("svg [data-state=On], svg [data-key=On] { fill: #000; }"));
  CHECK_THAT(print, Catch::Contains(
                        "svg [data-state=Off], svg [data-key=Off] { fill: #fff; stroke: #000; stroke-width: 1; }"));
  CHECK_THAT(report, Catch::Contains("height=\"12\" fill=\"#c62828\" data-key=\"On\"/>"));  // the legend's key
  CHECK_THAT(report, Catch::Contains("height=\"12\" fill=\"#2e7d32\" data-key=\"Off\"/>"));
  CHECK_THAT(report, Catch::Contains("data-state=\"On\"><title>"));  // a band
}
