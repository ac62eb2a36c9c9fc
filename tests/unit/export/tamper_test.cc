// Tampering with a real database or a real export file is detected, and the right row is named.
#include <catch2/catch.hpp>
#include <functional>
#include <sstream>

#include "core/error.h"
#include "export/export.h"
#include "export/verify.h"
#include "six_observations.h"
#include "store/sqlite.h"
#include "store/store.h"
#include "temp_dir.h"
#include "trail/canonical.h"

using namespace untrain;

namespace {

using testing::seen;

struct Trail : testing::SixObservations {
  VerifyReport verify() {
    Store store = Store::open(path);
    return verify_database(store);
  }
  std::string export_text(ExportFormat format, const EventFilter& filter = {}) {
    Store store = Store::open(path);
    std::ostringstream out;
    export_trail(store, format, filter, out, ExportSource::cli, 5000);
    return out.str();
  }
};

VerifyReport verify_text(const std::string& text) {
  std::istringstream in(text);
  return verify_export(in);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string join(const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& line : lines) text += line + "\n";
  return text;
}

// The index of the line holding the event with this seq in a JSON or NDJSON export.
std::size_t line_of_seq(const std::vector<std::string>& lines, int seq) {
  std::string needle = "{\"seq\":" + std::to_string(seq) + ",";
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].rfind(needle, 0) == 0) return i;
  }
  FAIL("no line for seq " << seq);
  return 0;
}

}  // namespace

TEST_CASE("the event table refuses UPDATE and DELETE", "[tamper]") {
  Trail trail;
  sql::Database db(trail.path.string());
  CHECK_THROWS_WITH(db.exec("UPDATE events SET value = 0 WHERE seq = 2"), Catch::Contains("append-only"));
  CHECK_THROWS_WITH(db.exec("DELETE FROM events WHERE seq = 2"), Catch::Contains("append-only"));
  CHECK(trail.verify().intact());
}

TEST_CASE("an untouched database verifies", "[tamper]") {
  Trail trail;
  auto report = trail.verify();
  CHECK(report.intact());
  CHECK(report.events == 6);
  CHECK(report.head.seq == 6);
  CHECK_THAT(report_text(report), Catch::StartsWith("intact: 6 events, seq 1 to 6, chain head "));
}

TEST_CASE("a value changed in the database is detected at its row", "[tamper]") {
  Trail trail;
  trail.editor().exec("UPDATE events SET value = 0 WHERE seq = 2");
  auto report = trail.verify();
  REQUIRE_FALSE(report.intact());
  CHECK(report.problem->seq == 2);
  CHECK(report.problem->what == "changed");
  CHECK_THAT(report_text(report), Catch::StartsWith("NOT intact: changed at seq 2"));
}

TEST_CASE("a row deleted from the database is detected as missing", "[tamper]") {
  Trail trail;
  trail.editor().exec("DELETE FROM events WHERE seq = 4");
  auto report = trail.verify();
  REQUIRE_FALSE(report.intact());
  CHECK(report.problem->seq == 4);
  CHECK(report.problem->what == "missing");
}

TEST_CASE("two rows of the database swapped in order are detected as reordered", "[tamper]") {
  Trail trail;
  trail.editor().exec(
      "UPDATE events SET seq = -1 WHERE seq = 3; UPDATE events SET seq = 3 WHERE seq = 4; "
      "UPDATE events SET seq = 4 WHERE seq = -1;");
  auto report = trail.verify();
  REQUIRE_FALSE(report.intact());
  CHECK(report.problem->seq == 3);
  CHECK(report.problem->what == "reordered");
}

TEST_CASE("a row inserted into the database, correctly hashed, is detected as inserted", "[tamper]") {
  Trail trail;
  {
    auto db = trail.editor();
    std::string prev;
    {
      auto stmt = db.prepare("SELECT hash FROM events WHERE seq = 2");
      REQUIRE(stmt.step());
      prev = stmt.text(0);
    }
    db.exec("UPDATE events SET seq = seq + 100 WHERE seq >= 3; UPDATE events SET seq = seq - 99 WHERE seq >= 103;");
    Event forged = stored_event(seen(false, 1002));
    forged.seq = 3;
    forged.recorded = 2002;
    forged.action = "change";
    forged.previous = true;
    forged.prev_hash = prev;
    forged.hash = chain_hash(prev, forged);
    db.prepare(
          "INSERT INTO events (seq, recorded, time, kind, action, source, platform, account, setting, value, "
          "previous, url, detail, untrain_version, rules_version, prev_hash, hash) "
          "VALUES (3, 2002, 1002, 'observation', 'change', 'page-load', 'linkedin', 'jane-doe', 'ai-training', 0, 1, "
          "?, '', "
          "'0.1.0', '2026-11-28', ?, ?)")
        .bind(1, forged.url)
        .bind(2, forged.prev_hash)
        .bind(3, forged.hash)
        .run();
  }
  auto report = trail.verify();
  REQUIRE_FALSE(report.intact());
  CHECK(report.problem->seq == 3);
  CHECK(report.problem->what == "inserted");
}

TEST_CASE("a JSON export verifies on its own and names the chain head", "[tamper][export]") {
  Trail trail;
  auto report = verify_text(trail.export_text(ExportFormat::json));
  CHECK(report.intact());
  REQUIRE(report.header);
  CHECK(report.header->complete);
  CHECK(report.header->events == 6);
  CHECK(report.header->chain.seq == 6);
  CHECK(report.head.hash == report.header->chain.hash);
}

TEST_CASE("an NDJSON export verifies on its own", "[tamper][export]") {
  Trail trail;
  auto report = verify_text(trail.export_text(ExportFormat::ndjson));
  CHECK(report.intact());
  CHECK(report.events == 6);
}

TEST_CASE("an export filtered by account is partial, says so, and still verifies", "[tamper][export]") {
  Trail trail;
  {
    Store store = Store::open(trail.path);
    store.append(seen(true, 1100, "john-roe"), 2100);
    store.append(seen(false, 1101, "jane-doe"), 2101);
  }
  EventFilter filter;
  filter.account = "jane-doe";
  std::string text = trail.export_text(ExportFormat::json, filter);
  auto report = verify_text(text);
  CHECK(report.intact());
  REQUIRE(report.header);
  CHECK_FALSE(report.header->complete);
  CHECK(report.header->chain.seq == 8);
  CHECK(report.events == 7);
  CHECK_THAT(report_text(report), Catch::Contains("partial"));
}

// Edits `lines` of a JSON and of an NDJSON export of the same trail; each must be caught at `seq` as `what`.
static void expect_detected(Trail& trail, const std::function<void(std::vector<std::string>&, ExportFormat)>& edit,
                            int seq, const char* what) {
  for (auto format : {ExportFormat::json, ExportFormat::ndjson}) {
    INFO("format " << to_string(format));
    auto lines = lines_of(trail.export_text(format));
    edit(lines, format);
    auto report = verify_text(join(lines));
    REQUIRE(report.problem);
    CHECK(report.problem->seq == seq);
    CHECK(report.problem->what == what);
  }
}

static std::string without_comma(const std::string& line) {
  return line.back() == ',' ? line.substr(0, line.size() - 1) : line;
}

TEST_CASE("a value changed in an exported file is detected at its row", "[tamper][export]") {
  Trail trail;
  expect_detected(
      trail,
      [](auto& lines, ExportFormat) {
        auto& line = lines[line_of_seq(lines, 2)];
        line.replace(line.find("\"value\":true"), 12, "\"value\":false");
      },
      2, "changed");
}

TEST_CASE("a row removed from an exported file is detected as missing", "[tamper][export]") {
  Trail trail;
  expect_detected(
      trail, [](auto& lines, ExportFormat) { lines.erase(lines.begin() + static_cast<long>(line_of_seq(lines, 5))); },
      5, "missing");
}

TEST_CASE("the last row removed from an exported file is detected against the head it names", "[tamper][export]") {
  Trail trail;
  expect_detected(
      trail,
      [](auto& lines, ExportFormat format) {
        std::size_t last = line_of_seq(lines, 6);
        lines.erase(lines.begin() + static_cast<long>(last));
        if (format == ExportFormat::json)
          lines[last - 1] = without_comma(lines[last - 1]);  // keep the JSON well-formed
      },
      6, "missing");
}

TEST_CASE("two rows swapped in an exported file are detected as reordered", "[tamper][export]") {
  Trail trail;
  expect_detected(
      trail,
      [](auto& lines, ExportFormat) {
        std::size_t a = line_of_seq(lines, 3), b = line_of_seq(lines, 4);
        std::string comma = lines[a].back() == ',' ? "," : "";
        std::string la = without_comma(lines[a]), lb = without_comma(lines[b]);
        lines[a] = lb + comma;
        lines[b] = la + comma;
      },
      3, "reordered");
}

TEST_CASE("a row duplicated in an exported file is detected as inserted", "[tamper][export]") {
  Trail trail;
  expect_detected(
      trail,
      [](auto& lines, ExportFormat) {
        std::size_t at = line_of_seq(lines, 2);
        lines.insert(lines.begin() + static_cast<long>(at), lines[at]);
      },
      2, "inserted");
}

TEST_CASE("a file that is not an untrain export is refused with bad_json, naming what is wrong", "[tamper][export]") {
  auto code_of = [](const std::string& text) {
    try {
      verify_text(text);
    } catch (const Error& e) {
      return e.code();
    }
    return Code::internal;
  };
  CHECK(code_of("not json at all") == Code::bad_json);
  CHECK(code_of("{\"events\":[]}") == Code::bad_json);
  Trail trail;
  auto lines = lines_of(trail.export_text(ExportFormat::ndjson));
  auto& line = lines[line_of_seq(lines, 2)];
  line.replace(line.find("\"value\":true"), 12, "\"value\":\"yes\"");
  CHECK_THROWS_WITH(verify_text(join(lines)), Catch::Contains("seq 2") && Catch::Contains("value"));
}

TEST_CASE("a value edited into bytes that are not UTF-8 is detected as changed, not a crash", "[tamper]") {
  Trail trail;
  trail.editor().exec("UPDATE events SET url = CAST(X'68747470733A2F2FFF' AS TEXT) WHERE seq = 3");
  auto report = trail.verify();
  REQUIRE_FALSE(report.intact());
  CHECK(report.problem->seq == 3);
  CHECK(report.problem->what == "changed");
}

TEST_CASE("an empty log is intact and says it has no events yet", "[tamper]") {
  TempDir dir;
  Store store = Store::open(dir.path() / "untrain.db");
  auto report = verify_database(store);
  CHECK(report.intact());
  CHECK(report_text(report) == "intact: no events yet");
}

TEST_CASE("an export reformatted by another tool verifies as the original does, and an edit in it is still found",
          "[tamper][export]") {
  Trail trail;
  for (auto format : {ExportFormat::json, ExportFormat::ndjson}) {
    std::string original = trail.export_text(format);
    // Indented (the header kept first, as the format requires), or each line's keys in another order (nlohmann's map
    // sorts them).
    std::string reformatted;
    if (format == ExportFormat::json) {
      reformatted = nlohmann::ordered_json::parse(original).dump(2);
    } else {
      for (const auto& line : lines_of(original)) reformatted += nlohmann::json::parse(line).dump() + "\n";
    }
    REQUIRE(reformatted != original);
    auto direct = verify_text(original);
    auto parsed = verify_text(reformatted);
    CHECK(direct.intact());
    CHECK(parsed.intact());
    CHECK(parsed.events == direct.events);
    CHECK(parsed.head.hash == direct.head.hash);

    auto at = reformatted.find("\"value\": false");
    if (at == std::string::npos) at = reformatted.find("\"value\":false");
    REQUIRE(at != std::string::npos);
    std::string edited = reformatted;
    edited.replace(edited.find("false", at), 5, "true ");
    auto report = verify_text(edited);
    REQUIRE_FALSE(report.intact());
    CHECK(report.problem->what == "changed");
  }
}

TEST_CASE("a JSON export cut short or with something after it is refused as before, whichever reader meets it first",
          "[tamper][export]") {
  Trail trail;
  std::string text = trail.export_text(ExportFormat::json);
  CHECK_THROWS_WITH(verify_text(text.substr(0, text.size() - 4)), Catch::Contains("not valid JSON"));
  CHECK_THROWS_WITH(verify_text(text + "{}\n"), Catch::Contains("not valid JSON"));
  CHECK(verify_text(text + "\n  \n").intact());
}
