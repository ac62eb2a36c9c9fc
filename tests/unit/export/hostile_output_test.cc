// Output that a hostile value cannot take over: CSV cells a spreadsheet could run as formulas, HTML that could run
// script or hide a broken chain, and stored times at the ends of int64 that summaries do arithmetic on.
#include <catch2/catch.hpp>
#include <limits>
#include <sstream>

#include "core/clock.h"
#include "core/rules.h"
#include "export/csv_export.h"
#include "export/export.h"
#include "export/html_report.h"
#include "export/trail_summary.h"
#include "store/sqlite.h"
#include "store/store.h"
#include "temp_dir.h"
#include "trail/record.h"
#include "trail/verdict.h"

using namespace untrain;

namespace {

constexpr std::int64_t kDay = 86'400'000;
constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

Record observed(bool value, std::int64_t time, std::string url = "https://www.linkedin.com/x") {
  Observation o;
  o.platform = "linkedin";
  o.account = "jane-doe";
  o.setting = "ai-training";
  o.value = value;
  o.url = std::move(url);
  o.time_ms = time;
  o.source = ObservationSource::page_load;
  return {o, "0.1.0", "2026-11-28"};
}

std::string export_of(Store& store, ExportFormat format) {
  std::ostringstream out;
  export_trail(store, format, {}, out, ExportSource::cli, 1'800'000'000'000);
  return out.str();
}

const SettingRule& ai_training() { return *find_platform("linkedin")->find("ai-training"); }

}  // namespace

TEST_CASE("CSV cells that a spreadsheet would run as a formula start with an apostrophe; JSON keeps them exactly",
          "[hostile][csv]") {
  TempDir dir;
  Store store = Store::open(dir.path() / "untrain.db");
  const char* formulas[] = {
      "=HYPERLINK(\"https://evil.example\",\"click\")", "+1+1", "-2+3", "@SUM(A1)", "\tindented", "\rreturn"};
  for (const char* formula : formulas) store.append(observed(true, 1000, std::string(formula)), 2000);
  std::string csv = export_of(store, ExportFormat::csv);
  for (const char* formula : formulas) {
    INFO(formula);
    std::string neutralised(1, '\'');
    neutralised += formula;
    std::string cell = ",";
    cell += csv_field(neutralised);
    cell += ',';
    CHECK(csv.find(cell) != std::string::npos);
  }
  CHECK(csv.find(",=HYPERLINK") == std::string::npos);
  CHECK(csv.find(",\"=HYPERLINK") == std::string::npos);
  std::string json = export_of(store, ExportFormat::json);
  CHECK(json.find(R"x("url":"=HYPERLINK(\"https://evil.example\",\"click\")")x") != std::string::npos);
  CHECK(json.find(R"("url":"+1+1")") != std::string::npos);
}

TEST_CASE("the HTML report forbids every script and escapes every value, hashes included", "[hostile][html]") {
  TempDir dir;
  auto path = dir.path() / "untrain.db";
  {
    Store store = Store::open(path);
    store.append(observed(true, 1000, "https://www.linkedin.com/<script>alert(1)</script>"), 2000);
  }
  {
    sql::Database db(path.string());
    db.exec("DROP TRIGGER events_append_only_update");
    db.exec("UPDATE events SET hash = '\"><script>alert(2)</script>' WHERE seq = 1");
  }
  Store store = Store::open(path);
  std::string html = export_of(store, ExportFormat::html);
  auto head = html.substr(0, html.find("</head>"));
  CHECK_THAT(head, Catch::Contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"));
  CHECK(head.find("script-src") == std::string::npos);  // default-src 'none' covers it; nothing re-allows it
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)") != std::string::npos);
  CHECK(html.find("&quot;&gt;&lt;script&gt;alert(2)") != std::string::npos);
}

TEST_CASE("the HTML report of a chain that does not verify says so plainly, at its top", "[hostile][html]") {
  TempDir dir;
  auto path = dir.path() / "untrain.db";
  {
    Store store = Store::open(path);
    for (int i = 0; i < 4; ++i) store.append(observed(i < 2, 1000 + i), 2000 + i);
    CHECK(export_of(store, ExportFormat::html).find("does NOT verify") == std::string::npos);
  }
  {
    sql::Database db(path.string());
    db.exec("DROP TRIGGER events_append_only_update");
    db.exec("UPDATE events SET value = 0 WHERE seq = 2");
  }
  Store store = Store::open(path);
  std::string html = export_of(store, ExportFormat::html);
  auto warning = html.find("This trail does NOT verify");
  REQUIRE(warning != std::string::npos);
  CHECK(warning < html.find("<h2>Summary</h2>"));
  CHECK_THAT(html, Catch::Contains("changed at seq 2"));
}

TEST_CASE("times at the ends of int64 in a trail give summaries and verdicts without overflow", "[hostile][times]") {
  TrailSummary summary;
  summary.add(stored_event(observed(true, kMax - 10)));
  summary.add(stored_event(observed(true, kMax - 5)));
  REQUIRE(summary.settings().size() == 1);
  auto h = summary.settings()[0];
  // The value holds from its reading to the end of the range; no wrap-around makes it vanish.
  auto bands = timeline_bands(h, kMax - 100, kMax);
  REQUIRE_FALSE(bands.empty());
  CHECK(bands.back().value == std::optional<bool>(true));
  CHECK(bands.back().end == kMax);
  // Checked "in the future" is not stale, and long ago is.
  CHECK(summary_text(h, &ai_training(), kMin).find("Not checked for") == std::string::npos);

  TrailSummary old;
  old.add(stored_event(observed(false, kMin + 5)));
  auto o = old.settings()[0];
  CHECK_THAT(summary_text(o, &ai_training(), 1'800'000'000'000), Catch::Contains("Not checked for"));
  SettingState state;
  state.setting = "ai-training";
  state.value = false;
  state.first_value = false;
  state.first_seen = kMin;
  state.last_checked = kMin;
  state.source = "page-load";
  state.last_verified = VerifiedReading{false, kMin, "2026-11-28"};
  CHECK(decide(ai_training(), state, 1'800'000'000'000, 30 * kDay) == Verdict::stale);
}
