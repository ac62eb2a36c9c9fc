// The trail is the database file with its write-ahead log, kept between connections: every acknowledged event is
// there for a plain SQLite reader, `untrain verify`, `untrain export` and `untrain backup`, whose copy is one file.
#include <sys/stat.h>

#include <boost/process.hpp>
#include <catch2/catch.hpp>
#include <cstdlib>

#include "../unit/temp_dir.h"
#include "host_process.h"
#include "observe_request.h"
#include "store/sqlite.h"

namespace bp = boost::process;
using nlohmann::json;

namespace {

using protocol_frames::observe;

int run_untrain(const std::vector<std::string>& args, std::string* printed = nullptr) {
  bp::ipstream out;
  bp::child child(std::string(UNTRAIN_BINARY), bp::args(args), bp::std_out > out, bp::std_err > bp::null);
  std::string text(std::istreambuf_iterator<char>(out), {});
  child.wait();
  if (printed) *printed = text;
  return child.exit_code();
}

std::int64_t plain_count(const std::filesystem::path& db) {
  untrain::sql::Database plain(db.string(), untrain::sql::Database::ReadOnly{});
  auto stmt = plain.prepare("SELECT count(*) FROM events");
  REQUIRE(stmt.step());
  return stmt.integer(0);
}

int mode_of(const std::filesystem::path& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 ? static_cast<int>(st.st_mode & 0777) : -1;
}

}  // namespace

TEST_CASE("after the hosts exit, every acknowledged event is in the database with its WAL, for every reader",
          "[protocol][trail]") {
  TempDir dir;
  auto db = dir.path() / "untrain.db";
  for (int connection = 0; connection < 3; ++connection) {
    HostProcess host(db);
    for (int i = 0; i < 4; ++i) REQUIRE(host.ask(observe(i, 1'700'000'000'000 + connection * 10 + i))["ok"] == true);
    REQUIRE(host.finish() == 0);
  }
  CHECK(std::filesystem::exists(db.string() + "-wal"));  // kept: the latest pages are there
  CHECK(mode_of(db.string() + "-wal") == 0600);
  CHECK(mode_of(db.string() + "-shm") == 0600);

  CHECK(plain_count(db) == 12);
  std::string printed;
  CHECK(run_untrain({"verify", "--db", db.string()}, &printed) == 0);
  CHECK_THAT(printed, Catch::StartsWith("intact: 12 events"));
  if (std::system("sqlite3 -version >/dev/null 2>&1") == 0) {
    bp::ipstream out;
    bp::child sqlite3("/usr/bin/env", bp::args({"sqlite3", "-readonly", db.string(), "SELECT count(*) FROM events"}),
                      bp::std_out > out, bp::std_err > bp::null);
    std::string count;
    std::getline(out, count);
    sqlite3.wait();
    CHECK(count == "12");
  }

  auto exported = dir.path() / "trail.json";
  CHECK(run_untrain({"export", "--db", db.string(), "-o", exported.string()}) == 0);
  CHECK(run_untrain({"verify", "--file", exported.string()}, &printed) == 0);
  CHECK_THAT(printed, Catch::StartsWith("intact: 12 events"));
}

TEST_CASE("untrain backup copies the whole trail into one private file that verifies on its own", "[protocol][trail]") {
  TempDir dir;
  auto db = dir.path() / "untrain.db";
  {
    HostProcess host(db);
    for (int i = 0; i < 5; ++i) REQUIRE(host.ask(observe(i, 1'700'000'000'000 + i))["ok"] == true);
    // The host is still running while the backup is made: one consistent snapshot, nothing waits.
    auto copy = dir.path() / "elsewhere" / "copy.db";
    std::filesystem::create_directories(copy.parent_path());
    std::string printed;
    CHECK(run_untrain({"backup", "--db", db.string(), copy.string()}, &printed) == 0);
    CHECK_THAT(printed, Catch::Contains("5 events"));
    REQUIRE(host.finish() == 0);

    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(copy.parent_path())) {
      files.push_back(entry.path().filename().string());
    }
    CHECK(files == std::vector<std::string>{"copy.db"});
    CHECK(mode_of(copy) == 0600);
    CHECK(plain_count(copy) == 5);
    CHECK(run_untrain({"verify", "--db", copy.string()}) == 0);
    CHECK(run_untrain({"backup", "--db", db.string(), copy.string()}) != 0);  // never replaces a file
  }
}
