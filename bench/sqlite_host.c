/* What SQLite itself costs a host started per connection: the echo host (echo_host.c), except that before it
   replies to an observe it commits the frame into a SQLite database in WAL mode with synchronous=FULL, the WAL kept
   between processes, as untrain does ("$UNTRAIN_DB.sqlite-floor"). Through SQLite's own VFS, so its first commit in
   each process also fsyncs the folder (untrain's store/wal_vfs.cc saves that one). No JSON, no hash chain, no
   state tables: what untrain costs beyond this is its own. */
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "frame_io.h"

int main(void) {
  static char frame[4 + FRAME_LIMIT];
  sqlite3* db = NULL;
  sqlite3_stmt* insert = NULL;
  for (;;) {
    uint32_t length;
    int got = read_frame(frame, &length);
    if (got < 0) return 3;
    if (got == 0) break;
    if (is_observe(frame, length)) {
      if (!db) {
        const char* base = getenv("UNTRAIN_DB");
        char path[4096];
        snprintf(path, sizeof path, "%s.sqlite-floor", base ? base : "untrain.db");
        if (sqlite3_open(path, &db) != SQLITE_OK) return 4;
        sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
        if (sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE IF NOT EXISTS log(frame)",
                         NULL, NULL, NULL) != SQLITE_OK ||
            sqlite3_prepare_v2(db, "INSERT INTO log VALUES (?)", -1, &insert, NULL) != SQLITE_OK) {
          return 4;
        }
      }
      sqlite3_bind_blob(insert, 1, frame + 4, (int)length, SQLITE_STATIC);
      if (sqlite3_step(insert) != SQLITE_DONE) return 4;
      sqlite3_reset(insert);
    }
    if (!echo_frame(frame, length)) return 1;
  }
  sqlite3_finalize(insert);
  sqlite3_close(db);
  return 0;
}
