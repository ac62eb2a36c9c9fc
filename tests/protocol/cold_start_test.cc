// What a browser connection costs before its replies, with the real binary over pipes under strace: one fsync before
// the observe's reply (the commit itself), checkpoints only after the last reply, hello without the database, and an
// open that reads as many pages of a long trail as of a short one (docs/architecture.md, "Storage").
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <regex>

#include "../unit/temp_dir.h"
#include "host_process.h"
#include "observe_request.h"
#include "store/sqlite.h"
#include "store/store.h"

using nlohmann::json;

namespace {

const std::string kOrigin = "chrome-extension://cnfjdjaccjmkpgnehhaamchmmodophch/";

bool have_strace() { return std::system("strace -V >/dev/null 2>&1") == 0; }

using protocol_frames::observe;

// A browser connection as Chromium makes one (hello, observe, status, end of input), traced into `trace`.
void browser_session(const std::filesystem::path& db, const std::filesystem::path& trace, const std::string& calls,
                     std::int64_t time) {
  // LeakSanitizer cannot run under ptrace: in the asan build, leaks are left to the other tests.
  const char* asan = std::getenv("ASAN_OPTIONS");
  HostProcess host(db, "strace", {"-f", "-e", "trace=" + calls, "-o", trace.string(), UNTRAIN_BINARY, kOrigin},
                   {{"ASAN_OPTIONS", std::string(asan ? asan : "") + ":detect_leaks=0"}});
  REQUIRE(host.ask({{"id", 1}, {"type", "hello"}})["ok"] == true);
  REQUIRE(host.ask(observe(2, time))["ok"] == true);
  REQUIRE(host.ask({{"id", 3}, {"type", "status"}, {"platform", "linkedin"}})["ok"] == true);
  REQUIRE(host.finish() == 0);
}

std::vector<std::string> lines_of(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The fsyncs of one traced session, counted between its replies: [0] before the first reply, [1] between the first
// and second, … and the last after the last reply.
std::vector<int> syncs_between_replies(const std::filesystem::path& trace) {
  std::vector<int> counts(1, 0);
  static const std::regex sync(R"(\b(fsync|fdatasync|sync_file_range)\()");
  for (const auto& line : lines_of(trace)) {
    if (line.find("write(1, ") != std::string::npos) counts.push_back(0);
    else if (std::regex_search(line, sync)) ++counts.back();
  }
  return counts;
}

}  // namespace

TEST_CASE("a browser connection makes one fsync before the observe's reply, and checkpoints only after its last",
          "[protocol][cold]") {
  if (!have_strace()) {
    WARN("strace is not installed (scripts/test.sh installs it): the fsyncs of a connection were not counted");
    return;
  }
  TempDir dir;
  auto db = dir.path() / "untrain.db";
  browser_session(db, dir.path() / "first.log", "fsync,fdatasync,sync_file_range,write", 1'700'000'000'000);

  constexpr int kSessions = 40;  // long enough for the WAL to pass kCheckpointPages more than once
  int checkpoints = 0;
  for (int session = 1; session <= kSessions; ++session) {
    auto trace = dir.path() / ("session-" + std::to_string(session) + ".log");
    browser_session(db, trace, "fsync,fdatasync,sync_file_range,write", 1'700'000'000'000 + session);
    auto syncs = syncs_between_replies(trace);
    INFO("session " << session << ":\n"
                    << [&] {
                         std::string text;
                         for (const auto& line : lines_of(trace)) text += line + "\n";
                         return text;
                       }());
    REQUIRE(syncs.size() == 4);  // three replies
    CHECK(syncs[0] == 0);        // hello: no database
    CHECK(syncs[1] == 1);        // observe: its commit, nothing else
    CHECK(syncs[2] == 0);        // status: reads
    if (syncs[3] > 0) ++checkpoints;
  }
  CHECK(checkpoints >= 1);              // the WAL does not grow for ever…
  CHECK(checkpoints <= kSessions / 4);  // …and folding it is the exception, not every connection's cost

  untrain::Store store = untrain::Store::open(db);
  CHECK(store.events().size() == kSessions + 1);
}

TEST_CASE("hello answers without opening or creating the database", "[protocol][cold]") {
  TempDir dir;
  auto folder = dir.path() / "not-yet";
  HostProcess host(folder / "untrain.db");
  auto reply = host.ask({{"id", 1}, {"type", "hello"}});
  CHECK(reply["ok"] == true);
  CHECK(reply["result"]["rules"]["linkedin"].is_string());
  CHECK(host.finish() == 0);
  CHECK_FALSE(std::filesystem::exists(folder));
}

TEST_CASE("a connection reads as many pages of a trail of 20,000 events as of one of 10", "[protocol][cold]") {
  if (!have_strace()) {
    WARN("strace is not installed (scripts/test.sh installs it): the reads of a connection were not counted");
    return;
  }
  TempDir dir;
  auto reads_with = [&](int events) {
    auto db = dir.path() / ("trail-" + std::to_string(events) + ".db");
    untrain::Store::open(db);  // the schema
    {
      // Rows written directly, in one statement: how many there are is what counts here, not their chain.
      untrain::sql::Database raw(db.string());
      raw.prepare(
             "WITH RECURSIVE n(seq) AS (SELECT 1 UNION ALL SELECT seq + 1 FROM n WHERE seq < ?1) "
             "INSERT INTO events (seq, recorded, time, kind, action, source, platform, account, setting, value, url, "
             "detail, untrain_version, rules_version, prev_hash, hash) SELECT seq, seq, seq, 'observation', 'check', "
             "'page-load', 'linkedin', 'jane-doe', 'ai-training', 1, 'https://www.linkedin.com/mypreferences/d/"
             "settings/data-for-ai-improvement', '', '0.1.0', '1', printf('%064d', seq - 1), printf('%064d', seq) "
             "FROM n")
          .bind(1, std::int64_t{events})
          .run();
      raw.exec("PRAGMA wal_checkpoint(TRUNCATE)");  // the file alone, as after a long time of use
    }
    auto trace = dir.path() / ("reads-" + std::to_string(events) + ".log");
    browser_session(db, trace, "pread64,read", 1'750'000'000'000);  // not ahead of the host's clock (protocol.md)
    int reads = 0;
    for (const auto& line : lines_of(trace)) reads += line.find("pread64(") != std::string::npos;
    return reads;
  };
  int short_trail = reads_with(10);
  int long_trail = reads_with(20'000);
  INFO("pages read: " << short_trail << " for 10 events, " << long_trail << " for 20,000");
  // The log's b-tree is a level or two deeper: a page or two more on the way to its last row, nothing per event.
  CHECK(long_trail <= short_trail + 4);
}

TEST_CASE("a write-ahead log's name is made durable before anything is written into it: created, or found empty",
          "[protocol][cold]") {
  if (!have_strace()) {
    WARN("strace is not installed (scripts/test.sh installs it): the folder's syncs were not checked");
    return;
  }
  TempDir dir;
  auto db = dir.path() / "untrain.db";
  // The fd of the folder and of the WAL in each openat, then whether the folder was synced before the first write
  // into the WAL.
  auto folder_synced_before_wal_written = [&](const std::filesystem::path& trace) {
    static const std::regex opened(R"re(openat\(AT_FDCWD, "([^"]+)", [^)]*\) = (\d+))re");
    static const std::regex synced(R"(\b(fsync|fdatasync)\((\d+)\))");
    static const std::regex written(R"(\bpwrite64\((\d+),)");
    std::string folder_fd, wal_fd;
    bool folder_synced = false;
    for (const auto& line : lines_of(trace)) {
      std::smatch m;
      if (std::regex_search(line, m, opened)) {
        if (m[1] == dir.path().string()) folder_fd = m[2];
        if (m[1] == db.string() + "-wal") wal_fd = m[2];
      } else if (std::regex_search(line, m, synced) && m[2] == folder_fd) {
        folder_synced = true;
      } else if (std::regex_search(line, m, written) && m[1] == wal_fd) {
        return folder_synced;
      }
    }
    FAIL("nothing was written into the WAL");
    return false;
  };
  const std::string calls = "openat,fsync,fdatasync,pwrite64,write";
  browser_session(db, dir.path() / "created.log", calls, 1'700'000'000'000);
  CHECK(folder_synced_before_wal_written(dir.path() / "created.log"));

  // Another program folded and removed the WAL, then left an empty one behind (as a reader that was killed would).
  { untrain::sql::Database(db.string()).exec("PRAGMA wal_checkpoint(TRUNCATE)"); }
  REQUIRE_FALSE(std::filesystem::exists(db.string() + "-wal"));
  std::ofstream(db.string() + "-wal").close();
  browser_session(db, dir.path() / "empty.log", calls, 1'700'000'000'001);
  CHECK(folder_synced_before_wal_written(dir.path() / "empty.log"));
}
