// Forged exports and databases never verify (docs/security.md, "A forged trail never verifies"): a second header,
// a partial export that names no range or holds events outside it, hashes not in the format's spelling, columns of
// the wrong type, and files that never end or are no file at all, each refused or reported, in bounded memory.
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <sstream>

#include "core/clock.h"
#include "core/error.h"
#include "export/export.h"
#include "export/verify.h"
#include "six_observations.h"
#include "store/sqlite.h"
#include "store/store.h"
#include "temp_dir.h"
#include "trail/canonical.h"

using namespace untrain;
using nlohmann::ordered_json;

namespace {

using testing::seen;

struct Trail : testing::SixObservations {
  std::string export_text(ExportFormat format, const EventFilter& filter = {}) {
    Store store = Store::open(path);
    std::ostringstream out;
    export_trail(store, format, filter, out, ExportSource::cli, 5000);
    return out.str();
  }
  // The NDJSON export as its header and its events, to be edited as values.
  std::pair<ordered_json, std::vector<ordered_json>> ndjson(const EventFilter& filter = {}) {
    std::istringstream in(export_text(ExportFormat::ndjson, filter));
    std::string line;
    std::getline(in, line);
    ordered_json header = ordered_json::parse(line)["export"];
    std::vector<ordered_json> events;
    while (std::getline(in, line)) events.push_back(ordered_json::parse(line));
    return {header, events};
  }
  // A raw connection without the append-only triggers, as someone editing the file would use.
  sql::Database editor() {
    sql::Database db(path.string());
    db.exec("DROP TRIGGER IF EXISTS events_append_only_update");
    db.exec("DROP TRIGGER IF EXISTS events_append_only_delete");
    return db;
  }
  VerifyReport verify() {
    Store store = Store::open(path);
    return verify_database(store);
  }
};

std::string ndjson_text(const ordered_json& header, const std::vector<ordered_json>& events) {
  std::string text = ordered_json{{"export", header}}.dump() + "\n";
  for (const auto& e : events) text += e.dump() + "\n";
  return text;
}

std::string json_text(const ordered_json& header, const std::vector<ordered_json>& events) {
  std::string text = "{\"export\":" + header.dump() + ",\n\"events\":[";
  for (std::size_t i = 0; i < events.size(); ++i) text += (i ? ",\n" : "\n") + events[i].dump();
  return text + "\n]}\n";
}

VerifyReport verify_text(const std::string& text) {
  std::istringstream in(text);
  return verify_export(in);
}

// What verify makes of a file: "intact", "NOT intact: …", or the refusal's message.
std::string verdict_of(const std::string& text) {
  try {
    return report_text(verify_text(text));
  } catch (const Error& e) {
    return std::string("refused: ") + e.what();
  }
}

// The event re-hashed after an edit, as a forger who knows the format would.
void rehash(ordered_json& record) {
  Event e;
  e.seq = record["seq"];
  e.recorded = record["recorded"];
  e.time = record["time"];
  e.kind = record["kind"];
  e.action = record["action"];
  e.source = record["source"];
  e.platform = record["platform"];
  e.account = record["account"].is_null() ? "" : record["account"].get<std::string>();
  e.setting = record["setting"].is_null() ? "" : record["setting"].get<std::string>();
  if (!record["value"].is_null()) e.value = record["value"].get<bool>();
  if (!record["previous"].is_null()) e.previous = record["previous"].get<bool>();
  e.url = record["url"].is_null() ? "" : record["url"].get<std::string>();
  e.detail = record["detail"].is_null() ? "" : record["detail"].get<std::string>();
  e.untrain_version = record["untrain_version"];
  e.rules_version = record["rules_version"];
  e.prev_hash = record["prev_hash"];
  record["hash"] = chain_hash(e.prev_hash, e);
}

}  // namespace

TEST_CASE("a second export header is refused: a deleted event cannot hide behind complete: false", "[forged]") {
  Trail trail;
  auto [header, events] = trail.ndjson();
  events.erase(events.begin() + 2);  // seq 3 deleted
  ordered_json partial = header;
  partial["complete"] = false;
  partial["range"]["account"] = "jane-doe";
  partial["events"] = 5;
  // JSON: the second header after the first, and after the events.
  std::string text = json_text(header, events);
  std::string twice = text;
  twice.insert(twice.find(",\n\"events\""), ",\"export\":" + partial.dump());
  CHECK_THAT(verdict_of(twice), Catch::StartsWith("refused:") && Catch::Contains("'export' appears twice"));
  std::string after = text;
  after.insert(after.rfind("]}"), "],\"export\":" + partial.dump() + ",\"x\":[");
  CHECK_THAT(verdict_of(after), Catch::StartsWith("refused:"));
  // NDJSON: both headers on the first line.
  std::string line = ndjson_text(header, events);
  line.insert(line.find('\n') - 1, ",\"export\":" + partial.dump());
  CHECK_THAT(verdict_of(line), Catch::StartsWith("refused:") && Catch::Contains("appears twice"));
}

TEST_CASE("a key repeated inside an event is refused, in JSON and NDJSON alike", "[forged]") {
  Trail trail;
  auto [header, events] = trail.ndjson();
  for (bool ndjson : {true, false}) {
    INFO((ndjson ? "ndjson" : "json"));
    std::string text = ndjson ? ndjson_text(header, events) : json_text(header, events);
    auto at = text.find("{\"seq\":3,");
    text.insert(at + 1, "\"value\":false,");  // a reader taking the first "value" sees Off
    CHECK_THAT(verdict_of(text), Catch::StartsWith("refused:") && Catch::Contains("'value' appears twice"));
  }
}

TEST_CASE("a partial export must name the range it was filtered by, and it must not be empty", "[forged]") {
  Trail trail;
  auto [header, events] = trail.ndjson();
  events.erase(events.begin() + 2);
  header["complete"] = false;
  header["events"] = 5;
  CHECK_THAT(verdict_of(ndjson_text(header, events)),
             Catch::StartsWith("refused:") && Catch::Contains("names no range"));
  header["range"]["since"] = format_utc(1003);
  header["range"]["until"] = format_utc(1003);
  CHECK_THAT(verdict_of(ndjson_text(header, events)), Catch::StartsWith("refused:") && Catch::Contains("empty"));
}

TEST_CASE("an event outside the range its partial export names is not intact", "[forged]") {
  Trail trail;
  auto [header, events] = trail.ndjson();
  events.erase(events.begin() + 2);
  header["complete"] = false;
  header["events"] = 5;
  SECTION("another account") {
    header["range"]["account"] = "john-roe";
    auto report = verify_text(ndjson_text(header, events));
    REQUIRE_FALSE(report.intact());
    CHECK(report.problem->seq == 1);
    CHECK_THAT(report_text(report), Catch::Contains("account"));
  }
  SECTION("before since") {
    header["range"]["since"] = format_utc(1002);
    auto report = verify_text(ndjson_text(header, events));
    REQUIRE_FALSE(report.intact());
    CHECK(report.problem->seq == 1);
  }
  SECTION("at or after until") {
    header["range"]["until"] = format_utc(1005);
    auto report = verify_text(json_text(header, events));
    REQUIRE_FALSE(report.intact());
    CHECK(report.problem->seq == 6);
  }
}

TEST_CASE("every hash must be 64 lowercase hexadecimal digits", "[forged]") {
  Trail trail;
  {
    Store store = Store::open(trail.path);
    store.append(seen(true, 1100, "john-roe"), 2100);
    store.append(seen(false, 1101, "jane-doe"), 2101);
  }
  EventFilter filter;
  filter.account = "jane-doe";
  auto [header, events] = trail.ndjson(filter);  // seq 1..6 and 8: 8 follows a gap, so its prev_hash is not compared
  REQUIRE(events.back()["seq"] == 8);
  SECTION("an event's prev_hash in upper case, re-hashed") {
    std::string upper = events.back()["prev_hash"];
    std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
    events.back()["prev_hash"] = upper;
    rehash(events.back());
    auto report = verify_text(ndjson_text(header, events));
    REQUIRE_FALSE(report.intact());
    CHECK(report.problem->seq == 8);
    CHECK_THAT(report_text(report), Catch::Contains("64 lowercase"));
  }
  SECTION("an event's prev_hash that is no hash at all, re-hashed") {
    events.back()["prev_hash"] = "anything";
    rehash(events.back());
    auto report = verify_text(json_text(header, events));
    REQUIRE_FALSE(report.intact());
    CHECK(report.problem->seq == 8);
  }
  SECTION("the header's chain head") {
    header["chain_head"]["hash"] = "not a hash";
    CHECK_THAT(verdict_of(ndjson_text(header, events)), Catch::StartsWith("refused:") && Catch::Contains("chain_head"));
  }
}

TEST_CASE("a text time or value in the database is a verification failure, not intact", "[forged]") {
  Trail trail;
  SECTION("a time stored as text SQLite reads back as the hashed integer") {
    trail.editor().exec("UPDATE events SET time = '1002 (edited)' WHERE seq = 3");
    auto report = trail.verify();
    REQUIRE_FALSE(report.intact());
    CHECK(report.problem->seq == 3);
    CHECK(report.problem->what == "changed");
    CHECK_THAT(report_text(report), Catch::Contains("time") && Catch::Contains("text"));
  }
  SECTION("a value stored as text in a table rebuilt without its checks") {
    auto db = trail.editor();
    db.exec(
        "CREATE TABLE copy AS SELECT * FROM events; DROP TABLE events; ALTER TABLE copy RENAME TO events; "
        "UPDATE events SET value = '1 (edited)' WHERE seq = 2");
    auto report = trail.verify();
    REQUIRE_FALSE(report.intact());
    CHECK(report.problem->seq == 2);
    CHECK_THAT(report_text(report), Catch::Contains("value"));
  }
}

namespace {

// A stream of `size` bytes: `head`, then `fill` repeated; it counts how many bytes were taken from it.
class Endless : public std::streambuf {
 public:
  Endless(std::string head, char fill, std::size_t size) : head_(std::move(head)), fill_(fill), size_(size) {}
  std::size_t taken() const { return taken_; }

 protected:
  int_type underflow() override {
    if (taken_ >= size_) return traits_type::eof();
    std::size_t n = std::min(buffer_.size(), size_ - taken_);
    for (std::size_t i = 0; i < n; ++i) buffer_[i] = taken_ + i < head_.size() ? head_[taken_ + i] : fill_;
    taken_ += n;
    setg(buffer_.data(), buffer_.data(), buffer_.data() + n);
    return traits_type::to_int_type(buffer_[0]);
  }

 private:
  std::string head_;
  char fill_;
  std::size_t size_, taken_ = 0;
  std::array<char, 65536> buffer_{};
};

}  // namespace

TEST_CASE("a file that never ends is refused within bounded memory", "[forged]") {
  constexpr std::size_t kSize = 64u << 20;  // far more than any limit; /dev/zero would never end
  constexpr std::size_t kBound = 3u << 20;  // how much of it verify may read before it gives up
  std::string header =
      R"({"export":{"format":"untrain audit trail","format_version":1,"exported":"2026-11-28T23:54:27.357Z","untrain_version":"0.1.0","complete":true,"range":{"since":null,"until":null,"account":null},"events":0,"chain_head":{"seq":0,"hash":"0000000000000000000000000000000000000000000000000000000000000000"}})";
  struct Case {
    const char* name;
    std::string head;
    char fill;
  };
  for (const Case& c : std::vector<Case>{
           {"zero bytes, as /dev/zero gives", "", '\0'},
           {"endless brackets", "", '['},
           {"one endless string", "{\"export\":\"", 'a'},
           {"one endless number", "{\"export\":", '1'},
           {"one endless NDJSON line", header + "\n{\"seq\":\"", 'a'},
       }) {
    INFO(c.name);
    Endless bytes(c.head, c.fill, kSize);
    std::istream in(&bytes);
    CHECK_THROWS_AS(verify_export(in), Error);
    CHECK(bytes.taken() < kBound);
  }
}

TEST_CASE("verify --file on a folder or a FIFO ends at once with a clear error", "[forged]") {
  TempDir dir;
  auto outcome_of = [](const std::filesystem::path& file) -> std::pair<Outcome, std::string> {
    try {
      verify_export_file(file);
    } catch (const Error& e) {
      return {e.outcome(), e.what()};
    }
    return {Outcome::ok, ""};
  };
  auto [folder, folder_message] = outcome_of(dir.path());
  CHECK(folder == Outcome::io);
  CHECK_THAT(folder_message, Catch::Contains(dir.path().string() + ": Is a directory"));

  auto fifo = dir.path() / "export.json";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  // A writer that would feed it, so that the check fails rather than hangs if verify opened it.
  pid_t writer = ::fork();
  if (writer == 0) {
    int fd = ::open(fifo.c_str(), O_WRONLY);
    if (fd >= 0 && ::write(fd, "{\n", 2) == 2) ::close(fd);
    ::_exit(0);
  }
  auto [pipe, pipe_message] = outcome_of(fifo);
  ::kill(writer, SIGKILL);
  ::waitpid(writer, nullptr, 0);
  CHECK(pipe == Outcome::io);
  CHECK_THAT(pipe_message, Catch::Contains("not a regular file"));
}

TEST_CASE("verify --file on a device that never ends (/dev/zero) is refused before reading it", "[forged]") {
  try {
    verify_export_file("/dev/zero");
    FAIL("/dev/zero verified");
  } catch (const Error& e) {
    CHECK(e.outcome() == Outcome::io);
    CHECK_THAT(e.what(), Catch::Contains("not a regular file"));
  }
}

TEST_CASE("an untouched export still verifies, header first or headers' keys in any order", "[forged]") {
  Trail trail;
  CHECK(verify_text(trail.export_text(ExportFormat::json)).intact());
  CHECK(verify_text(trail.export_text(ExportFormat::ndjson)).intact());
  EventFilter filter;
  filter.since = 1002;
  filter.until = 1005;
  auto partial = verify_text(trail.export_text(ExportFormat::json, filter));
  CHECK(partial.intact());
  CHECK(partial.events == 3);
  // Re-formatted by a tool (one line, or pretty-printed): still the same export.
  auto [header, events] = trail.ndjson();
  ordered_json whole = {{"export", header}, {"events", events}};
  CHECK(verify_text(whole.dump()).intact());
  CHECK(verify_text(whole.dump(2)).intact());
}
