// doctor's look at the hash chain: the same verifier as `untrain verify`, on a real database that
// someone has edited.
#include <catch2/catch.hpp>

#include "doctor/doctor.h"
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
  return {o, "0.1.0", "2026-11-28"};
}

// A log of six observations, seq 1..6, and a raw connection without the append-only triggers.
struct Trail {
  TempDir dir;
  std::filesystem::path path = dir.path() / "untrain.db";
  Trail() {
    Store store = Store::open(path);
    for (int i = 0; i < 6; ++i) store.append(seen(i < 3, 1000 + i), 2000 + i);
  }
  sql::Database editor() {
    sql::Database db(path.string());
    db.exec("DROP TRIGGER IF EXISTS events_append_only_update");
    db.exec("DROP TRIGGER IF EXISTS events_append_only_delete");
    return db;
  }
};

}  // namespace

TEST_CASE("doctor checks the chain with the same verifier and names the first bad row", "[tamper][doctor]") {
  Trail trail;
  Check intact = check_hash_chain(trail.path);
  CHECK(intact.status == Status::ok);
  CHECK_THAT(intact.message, Catch::Contains("intact: 6 events"));
  trail.editor().exec("DELETE FROM events WHERE seq = 2");
  Check broken = check_hash_chain(trail.path);
  CHECK(broken.status == Status::problem);
  CHECK_THAT(broken.message, Catch::Contains("missing at seq 2"));
  CHECK_FALSE(broken.fix.empty());
}
