// The trail the export and doctor tests tamper with and forge: six observations of jane-doe's in a real database,
// seq 1..6 at times 1000..1005 (On, On, On, Off, Off, Off), recorded at 2000..2005.
#pragma once

#include <filesystem>

#include "store/sqlite.h"
#include "store/store.h"
#include "temp_dir.h"

namespace untrain::testing {

inline Record seen(bool value, std::int64_t time, const char* account = "jane-doe") {
  Observation o;
  o.platform = "linkedin";
  o.account = account;
  o.setting = "ai-training";
  o.value = value;
  o.url = "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement";
  o.time_ms = time;
  o.source = ObservationSource::page_load;
  return {o, "0.1.0", "2026-11-28"};
}

struct SixObservations {
  TempDir dir;
  std::filesystem::path path = dir.path() / "untrain.db";
  SixObservations() {
    Store store = Store::open(path);
    for (int i = 0; i < 6; ++i) store.append(seen(i < 3, 1000 + i), 2000 + i);
  }
  // A raw connection without the append-only triggers, as someone editing the file would use.
  sql::Database editor() {
    sql::Database db(path.string());
    db.exec("DROP TRIGGER IF EXISTS events_append_only_update");
    db.exec("DROP TRIGGER IF EXISTS events_append_only_delete");
    return db;
  }
};

}  // namespace untrain::testing
