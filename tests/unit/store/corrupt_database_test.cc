// A damaged database is moved aside untouched and a new one started (corrupt_database.h).
#include "store/corrupt_database.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "core/error.h"
#include "store/busy_timeout.h"
#include "store/sqlite.h"
#include "store/store.h"
#include "temp_dir.h"
#include "trail/event.h"

using namespace untrain;

namespace {

std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void write_all(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

// Copies every page from the WAL into the database file and empties the WAL, so that the file alone is the trail
// and damage written into it is what SQLite reads.
void fold_wal_into_file(const std::filesystem::path& db) {
  sql::Database plain(db.string());
  plain.exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

Record an_observation() {
  Observation o{
      "linkedin", "jane-doe", "ai-training", true, "https://www.linkedin.com/x", 1000, ObservationSource::page_load};
  return {o, "0.1.0", "r"};
}

}  // namespace

TEST_CASE("a moved-aside name carries the UTC time of the move", "[corrupt]") {
  CHECK(corrupt_name("untrain.db", 1795903200000) == "untrain.db.corrupt-20261128T220000Z");
}

TEST_CASE(
    "a file whose header says SQLite but which is damaged is moved aside byte for byte, and the next open starts "
    "afresh",
    "[corrupt]") {
  TempDir dir;
  auto db = dir.path() / "untrain.db";
  std::string garbage(8192, '\0');
  for (std::size_t i = 0; i < garbage.size(); ++i) garbage[i] = static_cast<char>((i * 7919) % 251);
  garbage.replace(0, 16, std::string("SQLite format 3\0", 16));  // anything else is refused, never moved
  write_all(db, garbage);
  write_all(db.string() + "-wal", "not a wal either");

  try {
    Store::open(db);
    FAIL("a damaged database opened");
  } catch (const Error& e) {
    CHECK(e.code() == Code::storage_unavailable);
    CHECK_THAT(e.what(), Catch::Contains("moved aside"));
  }
  auto moved = moved_aside(db);
  REQUIRE(moved.size() == 1);
  CHECK(read_all(moved[0]) == garbage);
  CHECK(read_all(moved[0].string() + "-wal") == "not a wal either");
  CHECK_THAT(moved[0].filename().string(), Catch::StartsWith("untrain.db.corrupt-"));

  Store fresh = Store::open(db);
  CHECK(fresh.append(an_observation(), 2000).seq == 1);
  CHECK(moved_aside(db) == moved);  // still there, still the only one
}

TEST_CASE("a database damaged inside its pages is moved aside, never repaired in place", "[corrupt]") {
  TempDir dir;
  auto db = dir.path() / "untrain.db";
  {
    Store store = Store::open(db);
    for (int i = 0; i < 200; ++i) store.append(an_observation(), 2000 + i);
  }
  fold_wal_into_file(db);
  std::string bytes = read_all(db);
  REQUIRE(bytes.size() > 3 * 4096);
  for (std::size_t i = 4096; i < 4096 + 512; ++i) bytes[i] = '\x5a';  // scribble over page 2's b-tree header
  write_all(db, bytes);
  CHECK_THROWS_AS(Store::open(db), Error);
  auto moved = moved_aside(db);
  REQUIRE(moved.size() == 1);
  CHECK(read_all(moved[0]) == bytes);
}

TEST_CASE("damage that opening does not read is found by the first statement that reads it, and moved aside then",
          "[corrupt]") {
  TempDir dir;
  auto db = dir.path() / "untrain.db";
  {
    Store store = Store::open(db);
    for (int i = 0; i < 200; ++i) store.append(an_observation(), 2000 + i);
  }
  fold_wal_into_file(db);
  std::string bytes = read_all(db);
  for (std::size_t i = 2 * 4096; i < 2 * 4096 + 512; ++i) bytes[i] = '\x5a';  // page 3: the current_state table
  write_all(db, bytes);

  Store store = Store::open(db);  // reads the header, the schema and the chain's head: not page 3
  CHECK(store.head().seq == 200);
  try {
    store.states("linkedin");
    FAIL("a damaged page was read without an error");
  } catch (const Error& e) {
    CHECK(e.code() == Code::storage_unavailable);
    CHECK_THAT(e.what(), Catch::Contains("moved aside"));
  }
  CHECK_FALSE(store.is_open());
  CHECK_THROWS_AS(store.head(), Error);  // a moved-aside store answers nothing more
  auto moved = moved_aside(db);
  REQUIRE(moved.size() == 1);
  CHECK(read_all(moved[0]) == bytes);  // never written to after the damage was found

  Store fresh = Store::open(db);
  CHECK(fresh.append(an_observation(), 3000).seq == 1);
}

TEST_CASE("an empty database file beside a write-ahead log that holds pages is moved aside with it, not emptied",
          "[corrupt]") {
  TempDir dir;
  auto db = dir.path() / "untrain.db";
  {
    Store store = Store::open(db);
    for (int i = 0; i < 5; ++i) store.append(an_observation(), 2000 + i);
  }
  std::string wal = read_all(db.string() + "-wal");
  REQUIRE(wal.size() > 4096);
  write_all(db, "");  // the database file lost, its WAL kept

  try {
    Store::open(db);
    FAIL("an empty database opened beside its WAL");
  } catch (const Error& e) {
    CHECK_THAT(e.what(), Catch::Contains("write-ahead log"));
    CHECK_THAT(e.what(), Catch::Contains("moved aside"));
  }
  auto moved = moved_aside(db);
  REQUIRE(moved.size() == 1);
  CHECK(read_all(moved[0].string() + "-wal") == wal);
  CHECK(Store::open(db).events().empty());
}

TEST_CASE("a second damaged file in the same second gets a name of its own", "[corrupt]") {
  TempDir dir;
  auto db = dir.path() / "untrain.db";
  for (int round = 0; round < 2; ++round) {
    write_all(db, "garbage " + std::to_string(round) + std::string(600, 'x'));
    auto moved = move_aside(db, 1795903200000, [] { return true; });
    REQUIRE(moved);
  }
  auto moved = moved_aside(db);
  REQUIRE(moved.size() == 2);
  CHECK(read_all(moved[0]).rfind("garbage 0", 0) == 0);
  CHECK(read_all(moved[1]).rfind("garbage 1", 0) == 0);
}

TEST_CASE("nothing is moved when the second look finds the file sound", "[corrupt]") {
  TempDir dir;
  auto db = dir.path() / "untrain.db";
  write_all(db, "");
  CHECK_FALSE(move_aside(db, 1795903200000, [] { return false; }));
  CHECK(std::filesystem::exists(db));
  CHECK(moved_aside(db).empty());
}

TEST_CASE("the busy timeout is 10 s unless UNTRAIN_BUSY_TIMEOUT_MS gives a sane one", "[corrupt]") {
  auto with = [](std::optional<std::string> value) {
    return busy_timeout([value](const char*) { return value; }).count();
  };
  CHECK(with(std::nullopt) == 10000);
  CHECK(with("250") == 250);
  CHECK(with("0") == 0);
  CHECK(with("-5") == 10000);
  CHECK(with("12x") == 10000);
  CHECK(with("99999999") == 10000);
}
