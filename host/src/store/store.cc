#include "store/store.h"

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <thread>

#include "core/clock.h"
#include "core/error.h"
#include "core/overloaded.h"
#include "core/utf8.h"
#include "store/corrupt_database.h"
#include "store/database_file.h"
#include "store/database_file_refusal.h"
#include "store/database_owner.h"
#include "store/file_ops.h"
#include "store/wal_vfs.h"
#include "trail/canonical.h"

namespace untrain {
namespace {

// Each entry moves the schema from version i to i+1; applied in order inside one transaction and
// recorded in PRAGMA user_version. Never edit a shipped entry: append a new one.
constexpr std::array kMigrations = {
    R"sql(
CREATE TABLE events (
  seq              INTEGER PRIMARY KEY,
  recorded         INTEGER NOT NULL,
  time             INTEGER NOT NULL,
  kind             TEXT NOT NULL,
  action           TEXT NOT NULL,
  source           TEXT NOT NULL,
  platform         TEXT NOT NULL,
  account          TEXT NOT NULL,
  setting          TEXT NOT NULL,
  value            INTEGER CHECK (value IN (0, 1)),
  previous         INTEGER CHECK (previous IN (0, 1)),
  url              TEXT NOT NULL,
  detail           TEXT NOT NULL,
  untrain_version  TEXT NOT NULL,
  rules_version    TEXT NOT NULL,
  prev_hash        TEXT NOT NULL,
  hash             TEXT NOT NULL
);
CREATE TABLE current_state (
  platform      TEXT NOT NULL,
  account       TEXT NOT NULL,
  setting       TEXT NOT NULL,
  value         INTEGER NOT NULL,
  first_value   INTEGER NOT NULL,
  first_seen    INTEGER NOT NULL,
  last_checked  INTEGER NOT NULL,
  last_changed  INTEGER,
  PRIMARY KEY (platform, account, setting)
) WITHOUT ROWID;
)sql",
    // 2: the log is append-only. A row changed or removed with these triggers dropped is still
    // caught by `untrain verify` (docs/audit-trail.md); the triggers stop it happening by mistake.
    R"sql(
CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: events cannot be changed'); END;
CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: events cannot be deleted'); END;
)sql",
    // 3: nudges and forms: the member's latest snooze, dismissal and form date, kept beside the log so
    // that `status` reads a few rows however long the log grows.
    R"sql(
CREATE TABLE nudge_state (
  platform           TEXT NOT NULL,
  account            TEXT NOT NULL,
  setting            TEXT NOT NULL,
  snoozed_until      INTEGER,
  dismissed_verdict  TEXT,
  dismissed_value    INTEGER CHECK (dismissed_value IN (0, 1)),
  dismissed_changed  INTEGER,
  PRIMARY KEY (platform, account, setting)
) WITHOUT ROWID;
CREATE TABLE form_state (
  platform  TEXT NOT NULL,
  account   TEXT NOT NULL,
  form      TEXT NOT NULL,
  sent_on   TEXT NOT NULL,
  recorded  INTEGER NOT NULL,
  PRIMARY KEY (platform, account, form)
) WITHOUT ROWID;
)sql",
    // 4: member reports (docs/protocol.md, `observe`): the latest value's source and rules version, and apart from it
    // the latest value untrain read itself, so that a member's word is never taken for a reading. Before this version
    // every observation was a reading, so the latest value is the latest reading; its source and rules version are
    // those of the event that set it (the latest time, the last of equal times, as record_observation keeps it), found
    // in one pass over the log.
    R"sql(
ALTER TABLE current_state ADD COLUMN source TEXT;
ALTER TABLE current_state ADD COLUMN rules_version TEXT;
ALTER TABLE current_state ADD COLUMN verified_value INTEGER CHECK (verified_value IN (0, 1));
ALTER TABLE current_state ADD COLUMN verified_time INTEGER;
ALTER TABLE current_state ADD COLUMN verified_rules_version TEXT;
CREATE TEMP TABLE migration_4_latest AS
  SELECT e.platform, e.account, e.setting, e.source, e.rules_version, max(e.seq) AS seq
  FROM events e JOIN current_state s
    ON s.platform = e.platform AND s.account = e.account AND s.setting = e.setting AND s.last_checked = e.time
  WHERE e.kind = 'observation'
  GROUP BY e.platform, e.account, e.setting;
UPDATE current_state SET
  (source, rules_version, verified_rules_version) = (
    SELECT l.source, l.rules_version, l.rules_version FROM temp.migration_4_latest l
    WHERE l.platform = current_state.platform AND l.account = current_state.account AND l.setting = current_state.setting),
  verified_value = value,
  verified_time = last_checked;
DROP TABLE temp.migration_4_latest;
)sql",
    // 5: the state is kept in the order the host recorded observations (docs/audit-trail.md), and `status` picks the
    // most recently recorded account by the host's own clock; for the rows of an older trail, their latest event's.
    R"sql(
ALTER TABLE current_state ADD COLUMN recorded INTEGER NOT NULL DEFAULT 0;
UPDATE current_state SET recorded = coalesce((
  SELECT max(e.recorded) FROM events e
  WHERE e.kind = 'observation' AND e.platform = current_state.platform AND e.account = current_state.account
    AND e.setting = current_state.setting), 0);
)sql",
    // 6: the last nudge shown for each setting, so that "shown" is logged once a day and when what it says changes
    // (trail/nudge.h); an older trail starts with none, and logs its next one.
    R"sql(
ALTER TABLE nudge_state ADD COLUMN shown_verdict TEXT;
ALTER TABLE nudge_state ADD COLUMN shown_value INTEGER CHECK (shown_value IN (0, 1));
ALTER TABLE nudge_state ADD COLUMN shown_day INTEGER;
)sql",
};

// A -wal or -shm kept from an earlier process keeps the mode it was created with: others' access to it is taken
// away, as from the database file (database_file.cc), and nothing is ever added. Never through a symbolic link, and
// quietly where it cannot be (a read-only folder is reported by the open).
void ensure_private_companions(const std::filesystem::path& database) { make_companions_private(database); }

// An empty database file beside a WAL that holds something: the WAL may hold the latest events (or all of them),
// and SQLite deletes such a WAL when it opens the database read-write (pager.c, pagerOpenWalIfPresent). It is kept
// instead: the pair is damaged, and moved aside like any damaged file.
std::optional<std::string> wal_without_database(const std::filesystem::path& database) {
  std::error_code ec;
  if (std::filesystem::file_size(database, ec) != 0 || ec) return std::nullopt;
  std::filesystem::path wal = std::filesystem::path(database) += "-wal";
  auto wal_size = std::filesystem::file_size(wal, ec);
  if (ec || wal_size == 0) return std::nullopt;
  return "the database file is empty but its write-ahead log (" + database.filename().string() + "-wal) holds " +
         std::to_string(wal_size) + " bytes";
}

std::string busy_pragma(std::chrono::milliseconds busy_timeout) {
  return "PRAGMA busy_timeout = " + std::to_string(busy_timeout.count());
}

bool same_file(const std::filesystem::path& path, std::uint64_t device, std::uint64_t inode) {
  auto now = file_identity(path);
  return now && now->device == device && now->inode == inode;
}

int note_wal_pages(void* pages, sqlite3*, const char*, int count) {
  *static_cast<int*>(pages) = count;
  return SQLITE_OK;
}

// Switching a new database to WAL takes an exclusive lock, and SQLite returns SQLITE_BUSY at once,
// without calling the busy handler, where two connections would otherwise wait for each other
// (https://www.sqlite.org/c3ref/busy_handler.html): hosts that create the database at the same
// moment retry here, for as long as the busy timeout allows. Once the file is in WAL mode the
// pragma changes nothing and takes no such lock.
void enter_wal_mode(sql::Database& db, std::chrono::milliseconds busy_timeout) {
  auto deadline = std::chrono::steady_clock::now() + busy_timeout;
  for (std::chrono::milliseconds pause{1};; pause = std::min(pause * 2, std::chrono::milliseconds{50})) {
    int rc = sqlite3_exec(db.handle(), "PRAGMA journal_mode = WAL", nullptr, nullptr, nullptr);
    if ((rc & 0xff) != SQLITE_BUSY || std::chrono::steady_clock::now() >= deadline) break;
    std::this_thread::sleep_for(pause);
  }
  db.exec("PRAGMA journal_mode = WAL");  // in WAL mode already (a no-op), or the error to report
}

// Refuses another program's database (database_owner.h) from the file alone, read as immutable: no lock, no -shm, no
// WAL, so that it neither waits for nor disturbs the hosts opening the same trail (reading through the WAL first, while
// sixteen hosts switch a new trail to WAL mode, failed with SQLITE_PROTOCOL). Every state of an untrain trail's own
// file is untrain's (new, older, or marked): its WAL only adds to it. A read that fails (a page a checkpoint is
// writing meanwhile, damage) decides nothing: the open goes on as before, and SQLite's own reads find damage.
void refuse_another_programs(const std::filesystem::path& path) {
  std::error_code ec;
  if (std::filesystem::file_size(path, ec) == 0 || ec) return;  // a new database, or nothing there
  std::int64_t id = 0;
  DatabaseOwner owner = DatabaseOwner::nothing_yet;
  try {
    sql::Database file(utf8_of(path), sql::Database::ReadOnly{true});
    auto facts = file.prepare(
        "SELECT (SELECT application_id FROM pragma_application_id), (SELECT user_version FROM pragma_user_version), "
        "EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'events'), "
        "EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table')");
    if (!facts.step()) return;
    id = facts.integer(0);
    owner = database_owner(id, facts.integer(1), facts.integer(2) != 0, facts.integer(3) != 0);
  } catch (const std::exception&) {
    return;
  }
  if (owner == DatabaseOwner::another_program) refuse_database_path(path, another_programs_database(id));
}

}  // namespace

Store::Store(sql::Database db, std::filesystem::path path, Access access)
    : db_(std::move(db)), path_(std::move(path)), access_(access), wal_pages_(std::make_unique<int>(0)) {
  // Closing without a checkpoint leaves the WAL, and the trail's latest pages in it, for the next process: a close
  // that checkpoints syncs the WAL and the database and deletes the WAL, and the next process syncs the folder and a
  // new WAL's header again (https://www.sqlite.org/c3ref/c_dbconfig_defensive.html#sqlitedbconfignockptonclose).
  sqlite3_db_config(db_.handle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
  // A WAL hook replaces SQLite's automatic checkpoint, which runs inside COMMIT and so before the reply; this one
  // only notes how far the WAL has grown, for checkpoint_due() (https://www.sqlite.org/c3ref/wal_hook.html).
  sqlite3_wal_hook(db_.handle(), note_wal_pages, wal_pages_.get());
  if (auto identity = file_identity(path_)) {
    device_ = identity->device;
    inode_ = identity->inode;
  }
}

template <typename Body>
auto Store::guarded(Body&& body) {
  if (!db_.is_open()) {
    throw Error(Code::storage_unavailable, "the database " + path_.string() + " was found damaged" +
                                               (access_ == Access::read ? "" : " and moved aside") + ": open it again");
  }
  try {
    return body();
  } catch (const sql::DamagedFile& e) {
    set_aside(e.what());
  }
}

void Store::set_aside(const std::string& damage) {
  db_.close();  // without a checkpoint: nothing more is written to the file
  if (access_ == Access::read) {
    throw Error(Code::storage_unavailable, "the database " + path_.string() + " is damaged (" + damage +
                                               "); reading moves nothing: the next recorded event moves it aside, "
                                               "unchanged, and starts a new database");
  }
  auto moved = move_aside(path_, now_ms(), [&] { return same_file(path_, device_, inode_); });
  if (!moved) {
    throw Error(Code::storage_unavailable, "the database " + path_.string() + " is damaged (" + damage +
                                               "); another untrain process has moved it aside, and the next attempt "
                                               "uses the new database");
  }
  throw Error(Code::storage_unavailable, "the database " + path_.string() + " is damaged (" + damage +
                                             "); it was moved aside, unchanged, to " + moved->string() +
                                             ", and the next attempt starts a new database");
}

Store Store::open(const std::filesystem::path& path, std::chrono::milliseconds busy_timeout) {
  prepare_database_file(path);  // refuses, untouched, anything at the path that is not an SQLite database
  refuse_another_programs(path);
  make_database_private(path);
  ensure_private_companions(path);
  Store store(sql::Database(utf8_of(path), sql::wal_vfs()), path);
  store.guarded([&] {
    // Before SQLite's first read, which would delete that WAL.
    if (auto damage = wal_without_database(path)) throw sql::DamagedFile(*damage);
    store.db_.exec(busy_pragma(busy_timeout).c_str());
    enter_wal_mode(store.db_, busy_timeout);
    store.db_.exec("PRAGMA synchronous = FULL");
    store.migrate();
    store.look();
  });
  return store;
}

Store Store::open_for_reading(const std::filesystem::path& path, std::chrono::milliseconds busy_timeout) {
  if (inspect_database_file(path) != DatabaseFile::sqlite) {
    if (auto damage = wal_without_database(path)) {
      throw Error(Code::storage_unavailable, "the database " + path.string() + " is damaged (" + *damage +
                                                 "); reading moves nothing: the next recorded event moves it aside");
    }
    // No database yet: an empty one in memory answers "no events yet", and nothing is made on disk.
    Store empty(sql::Database(":memory:"), {}, Access::read);
    empty.migrate();
    return empty;
  }
  refuse_another_programs(path);
  std::error_code ec;
  auto wal_size = std::filesystem::file_size(std::filesystem::path(path) += "-wal", ec);
  bool has_wal = !ec && wal_size > 0;
  bool writable = database_file_writable(path);
  Store store(sql::Database(utf8_of(path), sql::Database::ReadOnly{!writable && !has_wal}), path, Access::read);
  store.db_.exec(busy_pragma(busy_timeout).c_str());
  if (store.schema_version() < static_cast<int>(kMigrations.size())) {
    // An older untrain's database reads only once migrated, which is untrain's own write to its own file.
    if (!writable) {
      throw Error(Code::storage_unavailable, "the database " + path.string() +
                                                 " was written by an older untrain and cannot be updated: it is "
                                                 "read-only; make it writable and run the command again");
    }
    return open(path, busy_timeout);
  }
  return store;
}

// Reads the chain's head: the path from the log's root to its last page, a few pages however long the trail is. With
// the header and schema that the statements before it read, it is the one look at the file before any request
// (PRAGMA quick_check reads every page, about 1.2 s at a million events: `untrain verify` and `doctor` run it).
void Store::look() { db_.prepare("SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1").step(); }

int Store::schema_version() {
  return guarded([&] {
    auto stmt = db_.prepare("PRAGMA user_version");
    stmt.step();
    return static_cast<int>(stmt.integer(0));
  });
}

std::int64_t Store::application_id() {
  return guarded([&] {
    auto stmt = db_.prepare("PRAGMA application_id");
    stmt.step();
    return stmt.integer(0);
  });
}

void Store::migrate() {
  // A trail from before the application_id gets it with its next write, as a migration would.
  if (schema_version() >= static_cast<int>(kMigrations.size()) && application_id() == kApplicationId) return;
  sql::write_transaction(db_, [&] {
    // Re-read inside the lock: another host process may have migrated meanwhile.
    int version = schema_version();
    if (version > static_cast<int>(kMigrations.size())) {
      throw Error(Code::storage_unavailable,
                  "the database was written by a newer untrain (schema " + std::to_string(version) + ")");
    }
    for (auto i = static_cast<std::size_t>(version); i < kMigrations.size(); ++i) db_.exec(kMigrations[i]);
    db_.exec(("PRAGMA user_version = " + std::to_string(kMigrations.size())).c_str());
    db_.exec(("PRAGMA application_id = " + std::to_string(kApplicationId)).c_str());
  });
}

namespace {

std::optional<bool> optional_bool(const sql::Statement& stmt, int column) {
  if (stmt.is_null(column)) return std::nullopt;
  return stmt.integer(column) != 0;
}

sql::Statement& bind_optional_bool(sql::Statement& stmt, int index, std::optional<bool> value) {
  return value ? stmt.bind(index, std::int64_t{*value}) : stmt.bind_null(index);
}

}  // namespace

Event Store::append(const Record& record, std::int64_t recorded_ms) {
  return guarded(
      [&] { return sql::write_transaction(db_, [&] { return append_in_transaction(record, recorded_ms); }); });
}

std::optional<Event> Store::append_if_news(const Record& record, std::int64_t recorded_ms) {
  const Nudge* nudge = std::get_if<Nudge>(&record.what);
  if (!nudge || nudge->action != NudgeAction::shown) return append(record, recorded_ms);
  return guarded([&] {
    return sql::write_transaction(db_, [&]() -> std::optional<Event> {
      Event row = stored_event(record);
      auto value = db_.prepare("SELECT value FROM current_state WHERE platform = ? AND account = ? AND setting = ?");
      value.bind(1, row.platform).bind(2, row.account).bind(3, row.setting);
      ShownNudge now{nudge->verdict, value.step() ? optional_bool(value, 0) : std::nullopt, local_day(recorded_ms)};
      if (!shown_is_news(last_shown(row), now)) return std::nullopt;
      return append_in_transaction(record, recorded_ms);
    });
  });
}

std::optional<ShownNudge> Store::last_shown(const Event& row) {
  auto stmt = db_.prepare(
      "SELECT shown_verdict, shown_value, shown_day FROM nudge_state "
      "WHERE platform = ? AND account = ? AND setting = ? AND shown_verdict IS NOT NULL AND shown_day IS NOT NULL");
  stmt.bind(1, row.platform).bind(2, row.account).bind(3, row.setting);
  if (!stmt.step()) return std::nullopt;
  return ShownNudge{stmt.text(0), optional_bool(stmt, 1), stmt.integer(2)};
}

Event Store::append_in_transaction(const Record& record, std::int64_t recorded_ms) {
  Event e = stored_event(record);
  {
    auto last = db_.prepare("SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1");
    e.seq = 1;
    e.prev_hash = std::string(kGenesisHash);
    if (last.step()) {
      e.seq = last.integer(0) + 1;
      e.prev_hash = last.text(1);
    }
    e.recorded = recorded_ms;
    std::visit(Overloaded{
                   [&](const Observation& o) { record_observation(e, o); },
                   [&](const Nudge& n) { record_nudge(e, n); },
                   [&](const FormReport& f) { record_form(e, f); },
                   [](const Exported&) {},
               },
               record.what);
    e.hash = chain_hash(e.prev_hash, e);

    auto insert = db_.prepare(
        "INSERT INTO events (seq, recorded, time, kind, action, source, platform, account, setting, value, "
        "previous, url, detail, untrain_version, rules_version, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, e.seq).bind(2, e.recorded).bind(3, e.time).bind(4, e.kind).bind(5, e.action).bind(6, e.source);
    insert.bind(7, e.platform).bind(8, e.account).bind(9, e.setting);
    bind_optional_bool(insert, 10, e.value);
    bind_optional_bool(insert, 11, e.previous);
    insert.bind(12, e.url).bind(13, e.detail).bind(14, e.untrain_version).bind(15, e.rules_version);
    insert.bind(16, e.prev_hash).bind(17, e.hash);
    insert.run();
    return e;
  }
}

void Store::record_observation(Event& e, const Observation& o) {
  auto before = db_.prepare("SELECT value FROM current_state WHERE platform = ? AND account = ? AND setting = ?");
  before.bind(1, e.platform).bind(2, e.account).bind(3, e.setting);
  if (before.step()) {
    e.previous = before.integer(0) != 0;
    e.action = to_string(*e.previous == *e.value ? ObservationAction::check : ObservationAction::change);
  } else {
    e.action = to_string(ObservationAction::first_seen);
  }
  // The state is the latest observation in the order the host recorded them, the log's own order, never the order
  // of the reporter's `time`: so each event's action and previous agree with the event before it in the log, also for
  // one flushed late from the extension's queue, and no row dated in the future can freeze the state.
  db_.prepare(
         "INSERT INTO current_state (platform, account, setting, value, first_value, first_seen, last_checked, source, "
         "rules_version, recorded) "
         "VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?5, ?6, ?7, ?8) "
         "ON CONFLICT (platform, account, setting) DO UPDATE SET "
         "  last_changed = CASE WHEN excluded.value != value THEN excluded.last_checked ELSE last_changed END, "
         "  value = excluded.value, last_checked = excluded.last_checked, source = excluded.source, "
         "  rules_version = excluded.rules_version, recorded = excluded.recorded")
      .bind(1, e.platform)
      .bind(2, e.account)
      .bind(3, e.setting)
      .bind(4, std::int64_t{*e.value})
      .bind(5, e.time)
      .bind(6, e.source)
      .bind(7, e.rules_version)
      .bind(8, e.recorded)
      .run();
  // The latest reading, in the same order, is kept whatever the member reported after it.
  if (is_verified(o.source)) {
    db_.prepare(
           "UPDATE current_state SET verified_value = ?4, verified_time = ?5, verified_rules_version = ?6 "
           "WHERE platform = ?1 AND account = ?2 AND setting = ?3")
        .bind(1, e.platform)
        .bind(2, e.account)
        .bind(3, e.setting)
        .bind(4, std::int64_t{*e.value})
        .bind(5, e.time)
        .bind(6, e.rules_version)
        .run();
  }
}

void Store::record_nudge(const Event& e, const Nudge& n) {
  if (n.action == NudgeAction::shown) {
    // What it said, with the setting's value read in this transaction, for the next shown_is_news.
    db_.prepare(
           "INSERT INTO nudge_state (platform, account, setting, shown_verdict, shown_value, shown_day) "
           "SELECT ?1, ?2, ?3, ?4, s.value, ?5 FROM (SELECT 1) "
           "LEFT JOIN current_state s ON s.platform = ?1 AND s.account = ?2 AND s.setting = ?3 "
           "WHERE true "
           "ON CONFLICT (platform, account, setting) DO UPDATE SET shown_verdict = excluded.shown_verdict, "
           "  shown_value = excluded.shown_value, shown_day = excluded.shown_day")
        .bind(1, e.platform)
        .bind(2, e.account)
        .bind(3, e.setting)
        .bind(4, n.verdict)
        .bind(5, local_day(e.recorded))
        .run();
  } else if (n.action == NudgeAction::snoozed) {
    db_.prepare(
           "INSERT INTO nudge_state (platform, account, setting, snoozed_until) VALUES (?1, ?2, ?3, ?4) "
           "ON CONFLICT (platform, account, setting) DO UPDATE SET snoozed_until = excluded.snoozed_until")
        .bind(1, e.platform)
        .bind(2, e.account)
        .bind(3, e.setting)
        .bind(4, n.until.value())
        .run();
  } else if (n.action == NudgeAction::dismissed) {
    // The state it dismissed, read in this transaction: the dismissal lasts while that state does.
    db_.prepare(
           "INSERT INTO nudge_state (platform, account, setting, dismissed_verdict, dismissed_value, "
           "dismissed_changed) "
           "SELECT ?1, ?2, ?3, ?4, s.value, s.last_changed FROM (SELECT 1) "
           "LEFT JOIN current_state s ON s.platform = ?1 AND s.account = ?2 AND s.setting = ?3 "
           "WHERE true "
           "ON CONFLICT (platform, account, setting) DO UPDATE SET dismissed_verdict = excluded.dismissed_verdict, "
           "  dismissed_value = excluded.dismissed_value, dismissed_changed = excluded.dismissed_changed")
        .bind(1, e.platform)
        .bind(2, e.account)
        .bind(3, e.setting)
        .bind(4, n.verdict)
        .run();
  } else if (n.action == NudgeAction::undone) {
    // The member's Undo lifts both holds; the events that set them stay in the log.
    db_.prepare(
           "UPDATE nudge_state SET snoozed_until = NULL, dismissed_verdict = NULL, dismissed_value = NULL, "
           "  dismissed_changed = NULL WHERE platform = ?1 AND account = ?2 AND setting = ?3")
        .bind(1, e.platform)
        .bind(2, e.account)
        .bind(3, e.setting)
        .run();
  }
}

void Store::record_form(const Event& e, const FormReport& f) {
  db_.prepare(
         "INSERT INTO form_state (platform, account, form, sent_on, recorded) VALUES (?, ?, ?, ?, ?) "
         "ON CONFLICT (platform, account, form) DO UPDATE SET sent_on = excluded.sent_on, recorded = excluded.recorded")
      .bind(1, e.platform)
      .bind(2, e.account)
      .bind(3, f.form)
      .bind(4, f.sent_on)
      .bind(5, e.recorded)
      .run();
}

std::vector<NudgeState> Store::nudges(const std::string& platform) {
  return guarded([&] {
    auto stmt = db_.prepare(
        "SELECT account, setting, snoozed_until, dismissed_verdict, dismissed_value, dismissed_changed "
        "FROM nudge_state WHERE platform = ? ORDER BY setting, account");
    stmt.bind(1, platform);
    std::vector<NudgeState> out;
    while (stmt.step()) {
      NudgeState n{platform,
                   stmt.text(0),
                   stmt.text(1),
                   stmt.optional_integer(2),
                   std::nullopt,
                   optional_bool(stmt, 4),
                   stmt.optional_integer(5)};
      if (!stmt.is_null(3)) n.dismissed_verdict = stmt.text(3);
      out.push_back(std::move(n));
    }
    return out;
  });
}

std::vector<FormState> Store::forms(const std::string& platform) {
  return guarded([&] {
    auto stmt = db_.prepare(
        "SELECT account, form, sent_on, recorded FROM form_state WHERE platform = ? ORDER BY form, account");
    stmt.bind(1, platform);
    std::vector<FormState> out;
    while (stmt.step()) out.push_back(FormState{platform, stmt.text(0), stmt.text(1), stmt.text(2), stmt.integer(3)});
    return out;
  });
}

std::vector<SettingState> Store::states(const std::string& platform) {
  return guarded([&] {
    auto stmt = db_.prepare(
        "SELECT account, setting, value, first_value, first_seen, last_checked, last_changed, source, rules_version, "
        "verified_value, verified_time, verified_rules_version, recorded "
        "FROM current_state WHERE platform = ? ORDER BY setting, account");
    stmt.bind(1, platform);
    std::vector<SettingState> out;
    auto text_or_empty = [&](int column) { return stmt.is_null(column) ? std::string() : stmt.text(column); };
    while (stmt.step()) {
      SettingState state{platform,
                         stmt.text(0),
                         stmt.text(1),
                         stmt.integer(2) != 0,
                         stmt.integer(3) != 0,
                         stmt.integer(4),
                         stmt.integer(5),
                         stmt.optional_integer(6)};
      state.source = text_or_empty(7);
      state.rules_version = text_or_empty(8);
      if (!stmt.is_null(9) && !stmt.is_null(10)) {
        state.last_verified = VerifiedReading{stmt.integer(9) != 0, stmt.integer(10), text_or_empty(11)};
      }
      state.recorded = stmt.integer(12);
      out.push_back(std::move(state));
    }
    return out;
  });
}

std::vector<Event> Store::events() {
  std::vector<Event> out;
  for_each_event({}, [&](const Event& e) { out.push_back(e); });
  return out;
}

ChainHead Store::head() {
  return guarded([&] {
    auto stmt = db_.prepare("SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1");
    if (!stmt.step()) return ChainHead{};
    return ChainHead{stmt.integer(0), stmt.text(1)};
  });
}

namespace {

// The WHERE clause for a filter; its parameters are bound by bind_filter in the same order.
std::string filter_sql(const EventFilter& filter) {
  std::string where = " WHERE 1";
  if (filter.since) where += " AND time >= ?";
  if (filter.until) where += " AND time < ?";
  if (filter.account) where += " AND account = ?";
  if (!filter.kinds.empty()) {
    where += " AND kind IN (?";
    for (std::size_t i = 1; i < filter.kinds.size(); ++i) where += ", ?";
    where += ")";
  }
  return where;
}

void bind_filter(sql::Statement& stmt, const EventFilter& filter) {
  int index = 1;
  if (filter.since) stmt.bind(index++, *filter.since);
  if (filter.until) stmt.bind(index++, *filter.until);
  if (filter.account) stmt.bind(index++, std::string_view(*filter.account));
  for (EventKind kind : filter.kinds) stmt.bind(index++, to_string(kind));
}

}  // namespace

std::int64_t Store::count(const EventFilter& filter) {
  return guarded([&] {
    auto stmt = db_.prepare("SELECT count(*) FROM events" + filter_sql(filter));
    bind_filter(stmt, filter);
    stmt.step();
    return stmt.integer(0);
  });
}

void Store::for_each_event(const EventFilter& filter, const std::function<void(const Event&)>& visit) {
  return guarded([&] {
    auto stmt = db_.prepare(
        "SELECT seq, recorded, time, kind, action, source, platform, account, setting, value, previous, url, detail, "
        "untrain_version, rules_version, prev_hash, hash FROM events" +
        filter_sql(filter) + " ORDER BY seq");
    bind_filter(stmt, filter);
    while (stmt.step()) {
      visit(Event{stmt.integer(0), stmt.integer(1), stmt.integer(2), stmt.text(3), stmt.text(4), stmt.text(5),
                  stmt.text(6), stmt.text(7), stmt.text(8), optional_bool(stmt, 9), optional_bool(stmt, 10),
                  stmt.text(11), stmt.text(12), stmt.text(13), stmt.text(14), stmt.text(15), stmt.text(16)});
    }
  });
}

std::optional<Store::MistypedEvent> Store::first_mistyped_event() {
  struct Column {
    const char* name;
    const char* allowed;  // the typeof() results the format allows
  };
  static constexpr Column kColumns[] = {
      {"recorded", "'integer'"},
      {"time", "'integer'"},
      {"kind", "'text'"},
      {"action", "'text'"},
      {"source", "'text'"},
      {"platform", "'text'"},
      {"account", "'text'"},
      {"setting", "'text'"},
      {"value", "'integer', 'null'"},
      {"previous", "'integer', 'null'"},
      {"url", "'text'"},
      {"detail", "'text'"},
      {"untrain_version", "'text'"},
      {"rules_version", "'text'"},
      {"prev_hash", "'text'"},
      {"hash", "'text'"},
  };
  std::string which = "CASE";
  std::string where;
  for (const Column& c : kColumns) {
    std::string wrong = std::string("typeof(") + c.name + ") NOT IN (" + c.allowed + ")";
    which += std::string(" WHEN ") + wrong + " THEN '" + c.name + "' || ' ' || typeof(" + c.name + ")";
    where += (where.empty() ? "" : " OR ") + wrong;
  }
  return guarded([&]() -> std::optional<MistypedEvent> {
    auto stmt = db_.prepare("SELECT seq, " + which + " END FROM events WHERE " + where + " ORDER BY seq LIMIT 1");
    if (!stmt.step()) return std::nullopt;
    std::string found = stmt.text(1);
    auto space = found.find(' ');
    return MistypedEvent{stmt.integer(0), found.substr(0, space), found.substr(space + 1)};
  });
}

std::filesystem::path Store::path() { return path_; }

void Store::snapshot(const std::function<void()>& body) {
  guarded([&] { sql::read_transaction(db_, body); });
}

void Store::checkpoint() {
  guarded([&] {
    if (!db_.checkpoint()) return;
    // Every page is in the database file now, so the next commit starts the WAL over, and a WAL that starts over has
    // its new header synced before the commit's own sync (https://sqlite.org/src/info/ff5be73dee): a second fsync
    // before some later connection's reply. A one-page commit here pays that now, while nobody waits. (It rewrites
    // the schema version with its own value; it is not an event and leaves the trail as it was.)
    db_.exec(("PRAGMA user_version = " + std::to_string(kMigrations.size())).c_str());
  });
  *wal_pages_ = 0;
}

void Store::check_structure() {
  guarded([&] { db_.quick_check(); });
}

void Store::backup(const std::filesystem::path& file) {
  guarded([&] {
    // Created here, never replaced, private from its first byte.
    create_private_file(file);
    try {
      sql::Database copy(utf8_of(file));
      db_.backup_to(copy);
      // The copy holds every page, so it needs no -wal beside it: a plain file to keep or send
      // (https://www.sqlite.org/pragma.html#pragma_journal_mode).
      copy.exec("PRAGMA journal_mode = DELETE");
    } catch (...) {
      std::filesystem::remove(file);
      throw;
    }
  });
}

}  // namespace untrain
