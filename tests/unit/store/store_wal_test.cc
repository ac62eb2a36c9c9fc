// The trail is the database file with its write-ahead log: what stays in the WAL between processes, when it is folded
// into the file, how it is kept private, and how to copy the whole of it (store.h).
#include <catch2/catch.hpp>
#include <fstream>

#include "core/error.h"
#include "store/sqlite.h"
#include "store/store.h"
#include "temp_dir.h"

using namespace untrain;

namespace {

Record seen(bool value, std::int64_t time) {
  Observation o;
  o.platform = "linkedin";
  o.account = "jane-doe";
  o.setting = "ai-training";
  o.value = value;
  o.url = "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement";
  o.time_ms = time;
  o.source = ObservationSource::page_load;
  return {o};
}

int mode_of(const std::filesystem::path& path) {
  return static_cast<int>(std::filesystem::status(path).permissions() & std::filesystem::perms::mask);
}

std::int64_t size_of(const std::filesystem::path& path) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  return ec ? -1 : static_cast<std::int64_t>(size);
}

// The events in `path` as a plain read-only SQLite connection sees them, as `sqlite3 untrain.db` would.
std::int64_t plain_count(const std::filesystem::path& path) {
  sql::Database plain(path.string(), sql::Database::ReadOnly{});
  auto stmt = plain.prepare("SELECT count(*) FROM events");
  REQUIRE(stmt.step());
  return stmt.integer(0);
}

}  // namespace

TEST_CASE("closing keeps the write-ahead log: the events in it are the trail's, for every reader", "[store][wal]") {
  TempDir dir;
  auto path = dir.path() / "untrain.db";
  {
    Store store = Store::open(path);
    for (int i = 0; i < 5; ++i) store.append(seen(i % 2 == 0, 1000 + i), 2000 + i);
  }
  CHECK(size_of(path.string() + "-wal") > 0);
  CHECK(plain_count(path) == 5);
  CHECK(Store::open(path).events().size() == 5);
}

TEST_CASE("the write-ahead log and its index are private, even when something loosened them", "[store][wal][posix]") {
  TempDir dir;
  auto path = dir.path() / "untrain.db";
  Store::open(path).append(seen(true, 1000), 1001);
  for (const char* companion : {"-wal", "-shm"}) {
    CHECK(mode_of(path.string() + companion) == 0600);
    std::filesystem::permissions(path.string() + companion, static_cast<std::filesystem::perms>(0644));
  }
  Store::open(path);
  for (const char* companion : {"-wal", "-shm"}) CHECK(mode_of(path.string() + companion) == 0600);
}

TEST_CASE("a checkpoint is due once a connection's commits fill the WAL, and folds it into the database file",
          "[store][wal]") {
  TempDir dir;
  auto path = dir.path() / "untrain.db";
  Store store = Store::open(path);
  int appended = 0;
  while (!store.checkpoint_due()) {
    store.append(seen(appended % 2 == 0, 1000 + appended), 2000 + appended);
    REQUIRE(++appended < kCheckpointPages);  // every commit writes at least one page
  }
  CHECK(appended >= kCheckpointPages / 4);  // …and only a few: the threshold is not reached at once

  store.checkpoint();
  CHECK_FALSE(store.checkpoint_due());
  // The database file alone now holds every event: a copy of it without the WAL is the whole trail so far.
  auto copy = dir.path() / "copy.db";
  std::filesystem::copy_file(path, copy);
  CHECK(plain_count(copy) == appended);
  // …and the WAL was started over: the next process reads one page of it, not kCheckpointPages.
  auto wal_after = size_of(path.string() + "-wal");
  store.append(seen(true, 9000), 9001);
  CHECK(size_of(path.string() + "-wal") == wal_after);
}

TEST_CASE("a backup is a private file (0600)", "[store][wal][posix]") {
  TempDir dir;
  Store store = Store::open(dir.path() / "untrain.db");
  store.append(seen(true, 1000), 1001);
  auto file = dir.path() / "backup.db";
  store.backup(file);
  CHECK(mode_of(file) == 0600);
}

TEST_CASE("a backup is one file holding every event, those still in the WAL too", "[store][wal]") {
  TempDir dir;
  auto path = dir.path() / "untrain.db";
  Store store = Store::open(path);
  for (int i = 0; i < 7; ++i) store.append(seen(i % 2 == 0, 1000 + i), 2000 + i);
  auto file = dir.path() / "backup.db";
  store.backup(file);
  CHECK(plain_count(file) == 7);
  for (const char* companion : {"-wal", "-shm", "-journal"}) {
    CHECK_FALSE(std::filesystem::exists(file.string() + companion));  // nothing needed beside it
  }
  Store restored = Store::open(file);
  CHECK(restored.head().hash == store.head().hash);

  // An existing file is never replaced.
  auto taken = dir.path() / "taken.db";
  std::ofstream(taken) << "keep me";
  CHECK_THROWS_AS(store.backup(taken), Error);
  std::ifstream kept(taken);
  CHECK(std::string(std::istreambuf_iterator<char>(kept), {}) == "keep me");
}

TEST_CASE("check_structure reads every page: damage that no request reads is found and moved aside", "[store][wal]") {
  TempDir dir;
  auto path = dir.path() / "untrain.db";
  {
    Store store = Store::open(path);
    for (int i = 0; i < 3; ++i) store.append(seen(true, 1000 + i), 2000 + i);
    store.check_structure();  // sound
  }
  { sql::Database(path.string()).exec("PRAGMA wal_checkpoint(TRUNCATE)"); }  // the file alone holds every page
  {
    std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(3 * 4096);  // page 4: the nudge_state table, which this trail never reads
    file << std::string(512, '\x5a');
  }
  Store store = Store::open(path);
  CHECK(store.events().size() == 3);
  CHECK_THROWS_WITH(store.check_structure(), Catch::Contains("moved aside"));
  CHECK_FALSE(store.is_open());
}
