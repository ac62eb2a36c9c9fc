// Whose database a file is (store/database_owner.h): untrain's trails carry its application_id, an older untrain's
// trail gets it at its next write, and everything else SQLite can open is another program's, left alone
// (database_file_test.cc refuses those through Store itself).
#include "store/database_owner.h"

#include <catch2/catch.hpp>

#include "six_observations.h"
#include "store/sqlite.h"
#include "store/store.h"
#include "temp_dir.h"

using namespace untrain;
using testing::seen;

namespace {

std::int64_t application_id_of(const std::filesystem::path& path) {
  sql::Database db(path.string(), sql::Database::ReadOnly{false});
  auto stmt = db.prepare("PRAGMA application_id");
  stmt.step();
  return stmt.integer(0);
}

}  // namespace

TEST_CASE("a database is untrain's by its mark, an older trail by its events table, a new one by having nothing",
          "[store][owner]") {
  using enum DatabaseOwner;
  CHECK(database_owner(kApplicationId, 6, true, true) == untrain);
  CHECK(database_owner(kApplicationId, 0, false, false) == untrain);
  CHECK(database_owner(0, 3, true, true) == older_untrain);
  CHECK(database_owner(0, 0, false, false) == nothing_yet);
  CHECK(database_owner(0, 0, true, true) == another_program);    // an events table untrain did not version
  CHECK(database_owner(0, 74, false, true) == another_program);  // a schema version without untrain's table
  CHECK(database_owner(0, 0, false, true) == another_program);
  CHECK(database_owner(0x12345678, 0, false, false) == another_program);
  CHECK(database_owner(0x12345678, 3, true, true) == another_program);
}

TEST_CASE("a refusal names another program's mark, or says the tables are not untrain's", "[store][owner]") {
  CHECK(another_programs_database(0x12345678) ==
        "is another program's SQLite database (its application_id is 0x12345678, not untrain's)");
  CHECK(another_programs_database(0) ==
        "is another program's SQLite database (it holds tables that are not untrain's)");
}

TEST_CASE("a new trail carries untrain's application_id", "[store][owner]") {
  TempDir dir;
  Store::open(dir.path() / "untrain.db");
  CHECK(application_id_of(dir.path() / "untrain.db") == kApplicationId);
}

TEST_CASE("a trail from before the application_id is read as it is, and marked at its next write", "[store][owner]") {
  TempDir dir;
  auto path = dir.path() / "untrain.db";
  {
    Store store = Store::open(path);
    store.append(seen(true, 1000), 2000);
  }
  { sql::Database(path.string()).exec("PRAGMA application_id = 0"); }
  REQUIRE(application_id_of(path) == 0);
  {
    Store reader = Store::open_for_reading(path);
    CHECK(reader.count({}) == 1);
  }
  CHECK(application_id_of(path) == 0);  // reading writes nothing
  {
    Store store = Store::open(path);
    CHECK(store.count({}) == 1);
  }
  CHECK(application_id_of(path) == kApplicationId);
}
