// Exports as a member and a regulator read them: CSV quoting, the HTML report, its summary and
// timeline, date ranges, and the export event each export leaves in the log.
#include "export/export.h"

#include <catch2/catch.hpp>
#include <sstream>

#include "core/clock.h"
#include "core/error.h"
#include "export/csv_export.h"
#include "export/html_report.h"
#include "export/trail_summary.h"
#include "export/verify.h"
#include "store/store.h"
#include "temp_dir.h"

using namespace untrain;

namespace {

const std::int64_t kDay = 86'400'000;
const std::int64_t kFeb28 = since_bound("2026-02-28T09:30Z");

Record observed(bool value, std::int64_t time, const char* source = "page-load",
                std::string url = "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement") {
  Observation o;
  o.platform = "linkedin";
  o.account = "jane-doe";
  o.setting = "ai-training";
  o.value = value;
  o.url = std::move(url);
  o.time_ms = time;
  o.source = *parse<ObservationSource>(source);
  return {o, "0.1.0", "2026-11-28"};
}

// An RFC 4180 reader, to check that what the writer quotes reads back exactly.
std::vector<std::vector<std::string>> read_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        rows.back().back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        rows.back().back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().emplace_back();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      rows.emplace_back(1);
      ++i;
    } else {
      rows.back().back() += c;
    }
  }
  if (rows.back().size() == 1 && rows.back()[0].empty()) rows.pop_back();
  return rows;
}

std::string export_of(Store& store, ExportFormat format, const EventFilter& filter = {}) {
  std::ostringstream out;
  export_trail(store, format, filter, out, ExportSource::cli, kFeb28 + 30 * kDay);
  return out.str();
}

SettingHistory history_of(const std::vector<Record>& records) {
  TrailSummary summary;
  for (const auto& r : records) summary.add(stored_event(r));
  REQUIRE(summary.settings().size() == 1);
  return summary.settings()[0];
}

const SettingRule& ai_training() { return *find_platform("linkedin")->find("ai-training"); }

}  // namespace

TEST_CASE("CSV fields are quoted only when RFC 4180 needs it, with quotes doubled", "[export][csv]") {
  CHECK(csv_field("plain") == "plain");
  CHECK(csv_field("") == "");
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("say \"on\"") == "\"say \"\"on\"\"\"");
  CHECK(csv_field("two\nlines") == "\"two\nlines\"");
  CHECK(csv_field("cr\rhere") == "\"cr\rhere\"");
  CHECK(csv_field(" padded ") == "\" padded \"");
  CHECK(csv_field("ünïcödé") == "ünïcödé");
}

TEST_CASE(
    "a CSV export has a header row and reads back field for field, URLs with commas, quotes and newlines included",
    "[export][csv]") {
  TempDir dir;
  Store store = Store::open(dir.path() / "untrain.db");
  std::string url = "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement?a=1,2&q=\"x\"\nnext";
  store.append(observed(true, kFeb28, "page-load", url), kFeb28 + 1);
  store.append(observed(false, kFeb28 + kDay, "user-change"), kFeb28 + kDay + 1);

  auto rows = read_csv(export_of(store, ExportFormat::csv));
  REQUIRE(rows.size() == 3);
  const auto& header = rows[0];
  auto column = [&](const char* name) {
    auto it = std::find(header.begin(), header.end(), name);
    REQUIRE(it != header.end());
    return static_cast<std::size_t>(it - header.begin());
  };
  for (const auto& row : rows) CHECK(row.size() == header.size());
  CHECK(rows[1][column("url")] == url);
  CHECK(rows[1][column("value")] == "true");
  CHECK(rows[2][column("value")] == "false");
  CHECK(rows[2][column("previous")] == "true");
  CHECK(rows[2][column("source")] == "user-change");
  CHECK(rows[1][column("time_utc")] == "2026-02-28T09:30:00.000Z");
  CHECK(rows[2][column("hash")].size() == 64);
}

TEST_CASE("each export is itself recorded as an export event naming what it held", "[export]") {
  TempDir dir;
  Store store = Store::open(dir.path() / "untrain.db");
  store.append(observed(true, kFeb28), kFeb28 + 1);
  std::ostringstream out;
  auto outcome = export_trail(store, ExportFormat::html, {}, out, ExportSource::extension, kFeb28 + kDay);
  CHECK(outcome.event.seq == 2);
  auto events = store.events();
  REQUIRE(events.size() == 2);
  CHECK(events[1].kind == "export");
  CHECK(events[1].action == "html");
  CHECK(events[1].source == "extension");
  auto detail = nlohmann::json::parse(events[1].detail);
  CHECK(detail["events"] == 1);
  CHECK(detail["head_seq"] == 1);
  CHECK(detail["head"] == events[0].hash);
  CHECK(verify_database(store).intact());
}

TEST_CASE("export ranges: since and until select whole days or exact UTC moments", "[export][dates]") {
  CHECK(since_bound("2026-03-02") == parse_utc("2026-03-02T00:00Z").ms);
  CHECK(until_bound("2026-03-02") == parse_utc("2026-03-03T00:00Z").ms);
  CHECK(until_bound("2026-03-02T14:03:05.5Z") == parse_utc("2026-03-02T14:03:05.500Z").ms + 1);
  CHECK(format_utc(since_bound("2026-03-02T14:03:05+00:00")) == "2026-03-02T14:03:05.000Z");
  CHECK_THROWS_AS(parse_utc("2026-02-30"), Error);
  CHECK_THROWS_AS(parse_utc("02/03/2026"), Error);
  CHECK_THROWS_AS(parse_utc("2026-03-02T14:03+01:00"), Error);  // UTC only

  TempDir dir;
  Store store = Store::open(dir.path() / "untrain.db");
  for (int d = 0; d < 5; ++d) store.append(observed(true, kFeb28 + d * kDay), kFeb28 + d * kDay);
  EventFilter filter;
  filter.since = since_bound("2026-03-01");
  filter.until = until_bound("2026-03-02");
  CHECK(store.count(filter) == 2);
}

TEST_CASE("the summary says when the setting was switched off and that it was on by default", "[export][summary]") {
  std::int64_t first = since_bound("2026-02-28T10:00Z");
  std::int64_t off = since_bound("2026-03-02T14:03Z");
  auto h = history_of({observed(true, first), observed(true, first + 3600000), observed(false, off, "user-change"),
                       observed(false, off + kDay), observed(false, off + 2 * kDay)});
  CHECK(summary_text(h, &ai_training(), off + 3 * kDay) ==
        "AI training: Off since 2 Mar 2026, 14:03 UTC (switched off on the settings page). It was On, by default, when "
        "first seen on 28 Feb 2026. Checked 2 times since, Off each time. Last checked 4 Mar 2026, 14:03 UTC.");
}

TEST_CASE("the summary of a setting that never changed, and of one not checked for long", "[export][summary]") {
  std::int64_t first = since_bound("2026-02-28T10:00Z");
  auto h = history_of({observed(true, first)});
  CHECK(summary_text(h, &ai_training(), first + kDay) ==
        "AI training: On. It was On, by default, when first seen on 28 Feb 2026, and has not changed since. "
        "Last checked 28 Feb 2026, 10:00 UTC.");
  CHECK_THAT(summary_text(h, &ai_training(), first + 40 * kDay),
             Catch::EndsWith("Not checked for 40 days: LinkedIn may have changed it since."));
  auto already_off = history_of({observed(false, first)});
  CHECK_THAT(summary_text(already_off, &ai_training(), first),
             Catch::StartsWith("AI training: Off. It was Off when first seen"));
}

TEST_CASE("the timeline is unknown before the first sighting, then each value, then unknown once stale",
          "[export][summary]") {
  std::int64_t t0 = kFeb28;
  auto h =
      history_of({observed(true, t0), observed(false, t0 + 2 * kDay, "user-change"), observed(false, t0 + 3 * kDay)});
  std::int64_t from = t0 - kDay, to = t0 + 60 * kDay;
  auto bands = timeline_bands(h, from, to);
  REQUIRE(bands.size() == 4);
  CHECK((bands[0].start == from && bands[0].end == t0 && !bands[0].value));
  CHECK((bands[1].start == t0 && bands[1].end == t0 + 2 * kDay && bands[1].value == std::optional<bool>(true)));
  CHECK((bands[2].start == t0 + 2 * kDay && bands[2].end == t0 + 3 * kDay + kDefaultStaleAfterMs &&
         bands[2].value == std::optional<bool>(false)));
  CHECK((bands[3].end == to && !bands[3].value));
}

TEST_CASE(
    "the HTML report is one self-contained page: summary, a timeline per setting, events, chain head, how to verify",
    "[export][html]") {
  TempDir dir;
  Store store = Store::open(dir.path() / "untrain.db");
  store.append(observed(true, kFeb28), kFeb28 + 1);
  store.append(
      observed(false, kFeb28 + 2 * kDay, "user-change",
               "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement?<script>alert(1)</script>"),
      kFeb28 + 2 * kDay + 1);
  std::string head = store.head().hash;
  std::string html = export_of(store, ExportFormat::html);

  CHECK_THAT(html, Catch::StartsWith("<!DOCTYPE html>"));
  CHECK_THAT(html, Catch::Contains("AI training: Off since 2 Mar 2026, 09:30 UTC (switched off on the settings page). "
                                   "It was On, by default, when first seen on 28 Feb 2026."));
  CHECK_THAT(html, Catch::Contains("<svg"));
  CHECK_THAT(html, Catch::Contains("data-state=\"On\"") && Catch::Contains("data-state=\"Off\""));
  CHECK_THAT(html, Catch::Contains(head));
  CHECK_THAT(html, Catch::Contains("untrain verify --file"));
  CHECK_THAT(html, Catch::Contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
  // Self-contained: nothing to load, nothing to run.
  for (const char* outside : {"<script", "src=", "href=", "@import", "url(http", "<link", "<iframe"}) {
    INFO(outside);
    CHECK(html.find(outside) == std::string::npos);
  }
}

TEST_CASE("a partial HTML report says it is partial and names the whole chain's size", "[export][html]") {
  TempDir dir;
  Store store = Store::open(dir.path() / "untrain.db");
  for (int d = 0; d < 4; ++d) store.append(observed(true, kFeb28 + d * kDay), kFeb28 + d * kDay);
  EventFilter filter;
  filter.since = since_bound("2026-03-02");
  std::string html = export_of(store, ExportFormat::html, filter);
  CHECK_THAT(html,
             Catch::Contains(
                 "This report holds part of the trail (from 2 Mar 2026, 00:00 UTC). The whole trail had 4 events"));
}

TEST_CASE("the summary of a member's report says it is their word and what untrain last read", "[export][summary]") {
  std::int64_t first = since_bound("2026-02-28T10:00Z");
  std::int64_t said = since_bound("2026-03-02T14:03Z");
  auto h = history_of({observed(true, first), observed(false, said, "member-reported")});
  CHECK(summary_text(h, &ai_training(), said + kDay) ==
        "AI training: you reported Off on 2 Mar 2026, 14:03 UTC; untrain did not read it. untrain last read it On on "
        "28 Feb 2026, 10:00 UTC. It was On, by default, when first seen on 28 Feb 2026.");
  auto only_said = history_of({observed(false, said, "member-reported")});
  CHECK(summary_text(only_said, &ai_training(), said + kDay) ==
        "AI training: you reported Off on 2 Mar 2026, 14:03 UTC; untrain did not read it. untrain has never read it.");
  CHECK_THAT(summary_text(only_said, &ai_training(), said + 40 * kDay),
             Catch::EndsWith("Not checked for 40 days: LinkedIn may have changed it since."));
}

TEST_CASE("a reported change untrain then read is dated by the report and confirmed by the reading",
          "[export][summary]") {
  std::int64_t first = since_bound("2026-02-28T10:00Z");
  std::int64_t said = since_bound("2026-03-02T14:03Z");
  auto h = history_of(
      {observed(true, first), observed(false, said, "member-reported"), observed(false, said + kDay, "page-load")});
  CHECK(
      summary_text(h, &ai_training(), said + 2 * kDay) ==
      "AI training: Off since 2 Mar 2026, 14:03 UTC (as you reported; untrain first read it Off on 3 Mar 2026, 14:03 "
      "UTC). It was On, by default, when first seen on 28 Feb 2026. Checked 1 time since, Off each time. Last checked "
      "3 Mar 2026, 14:03 UTC.");
  auto began_with_a_report = history_of({observed(false, said, "member-reported"), observed(false, said + kDay)});
  CHECK(
      summary_text(began_with_a_report, &ai_training(), said + 2 * kDay) ==
      "AI training: Off. You reported it Off when it was first recorded on 2 Mar 2026, before untrain read it, and it "
      "has not changed since. Checked 1 time since, Off each time. Last checked 3 Mar 2026, 14:03 UTC.");
}

TEST_CASE("a member's report is never counted as a check", "[export][summary]") {
  std::int64_t first = since_bound("2026-02-28T10:00Z");
  auto h = history_of({observed(false, first), observed(false, first + kDay, "member-reported"),
                       observed(false, first + 2 * kDay), observed(false, first + 3 * kDay, "member-reported"),
                       observed(false, first + 4 * kDay)});
  CHECK_THAT(summary_text(h, &ai_training(), first + 5 * kDay),
             Catch::Contains("Checked 2 times since, Off each time. Last checked 4 Mar 2026, 10:00 UTC."));
}

TEST_CASE("the timeline draws the member's reports apart from untrain's readings", "[export][summary]") {
  std::int64_t t0 = kFeb28;
  auto h = history_of(
      {observed(true, t0), observed(false, t0 + 2 * kDay, "member-reported"), observed(false, t0 + 3 * kDay)});
  std::int64_t from = t0 - kDay, to = t0 + 60 * kDay;
  auto bands = timeline_bands(h, from, to);
  REQUIRE(bands.size() == 5);
  CHECK((bands[1].value == std::optional<bool>(true) && !bands[1].reported));
  CHECK((bands[2].start == t0 + 2 * kDay && bands[2].end == t0 + 3 * kDay));
  CHECK((bands[2].value == std::optional<bool>(false) && bands[2].reported));
  CHECK((bands[3].start == t0 + 3 * kDay && bands[3].value == std::optional<bool>(false) && !bands[3].reported));
  CHECK(!bands[4].value);
}

TEST_CASE("the HTML report shows a member's report as theirs, in the summary, the timeline and the table",
          "[export][html]") {
  TempDir dir;
  Store store = Store::open(dir.path() / "untrain.db");
  store.append(observed(true, kFeb28), kFeb28 + 1);
  store.append(observed(false, kFeb28 + 2 * kDay, "member-reported"), kFeb28 + 2 * kDay + 1);
  std::string html = export_of(store, ExportFormat::html);
  CHECK_THAT(html, Catch::Contains("AI training: you reported Off on 2 Mar 2026, 09:30 UTC; untrain did not read it. "
                                   "untrain last read it On on 28 Feb 2026, 09:30 UTC."));
  CHECK_THAT(html, Catch::Contains("data-state=\"reported-off\""));
  CHECK_THAT(html, !Catch::Contains("data-state=\"Off\""));  // never drawn as an Off untrain read
  CHECK_THAT(html, Catch::Contains("Off, as you reported"));
  CHECK_THAT(html, Catch::Contains("<tr class=\"reported\"><td>2</td>"));
  CHECK_THAT(html, Catch::Contains("member-reported (your word; untrain did not read it)"));
  CHECK_THAT(html, !Catch::Contains("switched off"));
  // The report's own rows only: the untouched reading is drawn as before.
  CHECK_THAT(html, Catch::Contains("<tr><td>1</td>"));
}

TEST_CASE("JSON and CSV exports carry a member's report under its own source", "[export]") {
  TempDir dir;
  Store store = Store::open(dir.path() / "untrain.db");
  store.append(observed(false, kFeb28, "member-reported"), kFeb28 + 1);
  CHECK_THAT(export_of(store, ExportFormat::json), Catch::Contains(R"("source":"member-reported")"));
  CHECK_THAT(export_of(store, ExportFormat::csv), Catch::Contains(",member-reported,"));
}
