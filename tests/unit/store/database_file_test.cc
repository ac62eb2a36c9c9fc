// Files the host does not own (docs/security.md): at the database path, untrain writes only to a database it made or
// a regular file whose header says SQLite; anything else is refused and left exactly as it was.
#include "store/database_file.h"

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <functional>
#include <sstream>

#include "core/error.h"
#include "store/corrupt_database.h"
#include "store/sqlite.h"
#include "store/store.h"
#include "temp_dir.h"

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

struct Snapshot {
  bool exists = false;
  ino_t inode = 0;
  mode_t mode = 0;
  uid_t owner = 0;
  off_t size = 0;
  std::int64_t modified_ns = 0;
  std::string bytes;
  bool operator==(const Snapshot&) const = default;
};

Snapshot snapshot(const std::filesystem::path& path) {
  Snapshot s;
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) return s;
  s.exists = true;
  s.inode = st.st_ino;
  s.mode = st.st_mode;
  s.owner = st.st_uid;
  s.size = st.st_size;
  s.modified_ns = std::int64_t{st.st_mtim.tv_sec} * 1000000000 + st.st_mtim.tv_nsec;
  if (S_ISREG(st.st_mode)) s.bytes = read_all(path);
  return s;
}

unsigned mode_of(const std::filesystem::path& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

// Each thing that is not a database, made in `dir` at the path it returns.
const std::vector<std::pair<std::string, std::function<std::filesystem::path(const std::filesystem::path&)>>>
    kNotDatabases = {
        {"a text file",
         [](const std::filesystem::path& dir) {
           write_all(dir / "notes.txt", "my notes\n");
           std::filesystem::permissions(dir / "notes.txt", std::filesystem::perms(0644));
           return dir / "notes.txt";
         }},
        {"an export",
         [](const std::filesystem::path& dir) {
           write_all(dir / "trail.json", R"({"format":"untrain-audit-trail","events":[]})");
           return dir / "trail.json";
         }},
        {"a copy of /etc/passwd",
         [](const std::filesystem::path& dir) {
           std::filesystem::copy_file("/etc/passwd", dir / "passwd");
           std::filesystem::permissions(dir / "passwd", std::filesystem::perms(0644));
           return dir / "passwd";
         }},
        {"a file shorter than SQLite's header",
         [](const std::filesystem::path& dir) {
           write_all(dir / "short", "SQLite");
           return dir / "short";
         }},
        {"a folder",
         [](const std::filesystem::path& dir) {
           std::filesystem::create_directory(dir / "folder");
           std::filesystem::permissions(dir / "folder", std::filesystem::perms(0755));
           return dir / "folder";
         }},
        {"a FIFO",
         [](const std::filesystem::path& dir) {
           REQUIRE(::mkfifo((dir / "fifo").c_str(), 0644) == 0);
           return dir / "fifo";
         }},
        // Another program's SQLite databases: a browser's history, a vault, whatever its schema version or mark.
        {"another program's database (its tables, a schema version, no application_id)",
         [](const std::filesystem::path& dir) {
           sql::Database((dir / "places.sqlite").string())
               .exec(
                   "CREATE TABLE moz_places(id INTEGER PRIMARY KEY, url TEXT); "
                   "INSERT INTO moz_places(url) VALUES ('https://example.org'); PRAGMA user_version = 74;");
           std::filesystem::permissions(dir / "places.sqlite", std::filesystem::perms(0644));
           return dir / "places.sqlite";
         }},
        {"another program's database with no schema version",
         [](const std::filesystem::path& dir) {
           sql::Database((dir / "notes.db").string()).exec("CREATE TABLE notes(body TEXT);");
           std::filesystem::permissions(dir / "notes.db", std::filesystem::perms(0644));
           return dir / "notes.db";
         }},
        {"another program's database with a table named events but no schema version",
         [](const std::filesystem::path& dir) {
           sql::Database((dir / "calendar.db").string()).exec("CREATE TABLE events(title TEXT);");
           std::filesystem::permissions(dir / "calendar.db", std::filesystem::perms(0644));
           return dir / "calendar.db";
         }},
        {"another program's database marked with its own application_id",
         [](const std::filesystem::path& dir) {
           sql::Database((dir / "vault.db").string())
               .exec("PRAGMA application_id = 305419896; CREATE TABLE events(seq INTEGER); PRAGMA user_version = 3;");
           std::filesystem::permissions(dir / "vault.db", std::filesystem::perms(0644));
           return dir / "vault.db";
         }},
        {"a symbolic link to a database",
         [](const std::filesystem::path& dir) {
           Store::open(dir / "real.db");
           std::filesystem::create_symlink(dir / "real.db", dir / "link.db");
           return dir / "link.db";
         }},
};

}  // namespace

TEST_CASE("a file's first bytes say whether it is a database: empty, SQLite's header, or refused", "[database-file]") {
  CHECK(database_file_kind("", "x") == DatabaseFile::empty);
  CHECK(database_file_kind(std::string_view("SQLite format 3\0\x10\0", 18), "x") == DatabaseFile::sqlite);
  CHECK_THROWS_WITH(database_file_kind("root:x:0:0:root", "/etc/passwd"),
                    Catch::Contains("/etc/passwd is not a database") && Catch::Contains("leaves it as it is"));
  CHECK_THROWS_AS(database_file_kind("SQLite format 2", "x"), Error);
}

TEST_CASE("a database path naming something that is not a database is refused and left exactly as it was",
          "[database-file]") {
  for (const auto& [what, make] : kNotDatabases) {
    INFO(what);
    TempDir dir;
    auto path = make(dir.path());
    auto before = snapshot(path);
    for (bool reading : {false, true}) {
      try {
        if (reading) Store::open_for_reading(path);
        else Store::open(path);
        FAIL("opened " << what);
      } catch (const Error& e) {
        CHECK(e.code() == Code::storage_unavailable);
        CHECK_THAT(e.what(), Catch::Contains("untrain leaves it as it is"));
      }
      CHECK(snapshot(path) == before);  // never renamed, chmod'ed or truncated
      CHECK(moved_aside(path).empty());
      for (const char* companion : {"-wal", "-shm", "-journal"})
        CHECK_FALSE(snapshot(path.string() + companion).exists);
    }
  }
}

TEST_CASE("a device at the database path (as /dev/null) is refused and left as it was", "[database-file]") {
  if (::geteuid() != 0) {
    WARN("not root: cannot make a device node; the FIFO and folder cases cover what is not a regular file");
    return;
  }
  TempDir dir;
  auto null = dir.path() / "null";
  REQUIRE(::mknod(null.c_str(), S_IFCHR | 0666, ::makedev(1, 3)) == 0);
  auto before = snapshot(null);
  CHECK_THROWS_WITH(Store::open(null), Catch::Contains("is a device, not a database"));
  CHECK(snapshot(null) == before);
  CHECK(moved_aside(null).empty());
}

TEST_CASE("only a folder untrain creates is made 0700: an existing one keeps its mode", "[database-file]") {
  TempDir dir;
  auto shared = dir.path() / "shared";
  std::filesystem::create_directory(shared);
  std::filesystem::permissions(shared, std::filesystem::perms(01777));
  Store::open(shared / "untrain.db");
  CHECK(mode_of(shared) == 01777);  // as /tmp would be
  CHECK(mode_of(shared / "untrain.db") == 0600);

  auto made = shared / "made" / "for" / "untrain";
  Store::open(made / "untrain.db");
  CHECK(mode_of(made) == 0700);
  CHECK(mode_of(made.parent_path()) == 0700);
  CHECK(mode_of(shared) == 01777);
}

TEST_CASE("reading a database that is not there creates neither it nor its folder: no events yet", "[database-file]") {
  TempDir dir;
  auto db = dir.path() / "not-yet" / "untrain.db";
  Store store = Store::open_for_reading(db);
  CHECK(store.events().empty());
  CHECK(store.head().seq == 0);
  CHECK_FALSE(std::filesystem::exists(dir.path() / "not-yet"));
}

TEST_CASE("reading changes nothing: the file stays as it was, and a damaged one is not moved aside",
          "[database-file]") {
  TempDir dir;
  auto db = dir.path() / "untrain.db";
  Store::open(db);
  {
    // Every page into the file, the WAL emptied: the file alone is the trail, so the damage below is what SQLite reads.
    sql::Database plain(db.string());
    plain.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  }
  auto before = snapshot(db);
  { Store::open_for_reading(db).events(); }
  CHECK(snapshot(db) == before);
  write_all(db, std::string("SQLite format 3\0", 16) + std::string(600, '\x17'));
  CHECK_THROWS_AS(Store::open_for_reading(db).events(), Error);
  CHECK(moved_aside(db).empty());
}

TEST_CASE("reading an empty database file beside a write-ahead log that holds pages reports it and moves nothing",
          "[database-file]") {
  TempDir dir;
  auto db = dir.path() / "untrain.db";
  Store::open(db);  // the schema, in the WAL that stays between processes
  auto wal = snapshot(db.string() + "-wal");
  REQUIRE(wal.size > 0);
  write_all(db, "");  // the database file lost, its WAL kept
  try {
    Store::open_for_reading(db);
    FAIL("an empty database beside its WAL read as no events yet");
  } catch (const Error& e) {
    CHECK(e.code() == Code::storage_unavailable);
    CHECK_THAT(e.what(), Catch::Contains("write-ahead log") && Catch::Contains("moves nothing"));
  }
  CHECK(moved_aside(db).empty());
  CHECK(snapshot(db.string() + "-wal") == wal);
  CHECK(snapshot(db).size == 0);
}
