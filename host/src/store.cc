#include "store.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>

#include <sqlite3.h>

#include "error.h"

namespace untrain {
namespace {

// Each entry moves the schema from version i to i+1; applied in order inside one transaction and
// recorded in PRAGMA user_version. Never edit a shipped entry: append a new one.
constexpr std::array kMigrations = {
    R"sql(
CREATE TABLE events (
  seq          INTEGER PRIMARY KEY,
  recorded_ms  INTEGER NOT NULL,
  time_ms      INTEGER NOT NULL,
  platform     TEXT NOT NULL,
  account      TEXT NOT NULL,
  setting      TEXT NOT NULL,
  value        INTEGER NOT NULL CHECK (value IN (0, 1)),
  url          TEXT NOT NULL,
  source       TEXT NOT NULL
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
};

void ensure_private_folder(const std::filesystem::path& folder) {
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (ec) throw Error(Code::storage_unavailable, "creating " + folder.string() + ": " + ec.message());
  ::chmod(folder.c_str(), 0700);
}

void ensure_private_file(const std::filesystem::path& file) {
  int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) throw Error(Code::storage_unavailable, "opening " + file.string() + ": " + std::strerror(errno));
  ::fchmod(fd, 0600);  // SQLite gives its -wal and -shm files the database file's mode
  ::close(fd);
}

}  // namespace

Store Store::open(const std::filesystem::path& path) {
  if (path.has_parent_path()) ensure_private_folder(path.parent_path());
  ensure_private_file(path);
  Store store(sql::Database(path.string()));
  store.db_.exec("PRAGMA busy_timeout = 10000");
  store.db_.exec("PRAGMA journal_mode = WAL");
  store.db_.exec("PRAGMA synchronous = FULL");
  store.migrate();
  return store;
}

int Store::schema_version() {
  auto stmt = db_.prepare("PRAGMA user_version");
  stmt.step();
  return static_cast<int>(stmt.integer(0));
}

void Store::migrate() {
  if (schema_version() >= static_cast<int>(kMigrations.size())) return;
  sql::write_transaction(db_, [&] {
    // Re-read inside the lock: another host process may have migrated meanwhile.
    int version = schema_version();
    if (version > static_cast<int>(kMigrations.size())) {
      throw Error(Code::storage_unavailable, "the database was written by a newer untrain (schema " +
                                                 std::to_string(version) + ")");
    }
    for (auto i = static_cast<std::size_t>(version); i < kMigrations.size(); ++i) db_.exec(kMigrations[i]);
    db_.exec(("PRAGMA user_version = " + std::to_string(kMigrations.size())).c_str());
  });
}

std::int64_t Store::append(const Observation& o, std::int64_t recorded_ms) {
  const std::string account = o.account.value_or("");
  return sql::write_transaction(db_, [&] {
    db_.prepare(
           "INSERT INTO events (recorded_ms, time_ms, platform, account, setting, value, url, source) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, recorded_ms)
        .bind(2, o.time_ms)
        .bind(3, o.platform)
        .bind(4, account)
        .bind(5, o.setting)
        .bind(6, std::int64_t{o.value})
        .bind(7, o.url)
        .bind(8, o.source)
        .run();
    std::int64_t seq = sqlite3_last_insert_rowid(db_.handle());
    // A late observation (flushed from the extension's queue) never overrides a newer one.
    db_.prepare(
           "INSERT INTO current_state (platform, account, setting, value, first_value, first_seen, last_checked) "
           "VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?5) "
           "ON CONFLICT (platform, account, setting) DO UPDATE SET "
           "  last_changed = CASE WHEN excluded.value != value THEN excluded.last_checked ELSE last_changed END, "
           "  value = excluded.value, last_checked = excluded.last_checked "
           "WHERE excluded.last_checked >= last_checked")
        .bind(1, o.platform)
        .bind(2, account)
        .bind(3, o.setting)
        .bind(4, std::int64_t{o.value})
        .bind(5, o.time_ms)
        .run();
    return seq;
  });
}

std::vector<SettingState> Store::states(const std::string& platform) {
  auto stmt = db_.prepare(
      "SELECT account, setting, value, first_value, first_seen, last_checked, last_changed "
      "FROM current_state WHERE platform = ? ORDER BY setting, account");
  stmt.bind(1, platform);
  std::vector<SettingState> out;
  while (stmt.step()) {
    out.push_back(SettingState{platform, stmt.text(0), stmt.text(1), stmt.integer(2) != 0, stmt.integer(3) != 0,
                               stmt.integer(4), stmt.integer(5), stmt.optional_integer(6)});
  }
  return out;
}

std::vector<Event> Store::events() {
  auto stmt = db_.prepare(
      "SELECT seq, recorded_ms, time_ms, platform, account, setting, value, url, source FROM events ORDER BY seq");
  std::vector<Event> out;
  while (stmt.step()) {
    Event e;
    e.seq = stmt.integer(0);
    e.recorded_ms = stmt.integer(1);
    e.observation.time_ms = stmt.integer(2);
    e.observation.platform = stmt.text(3);
    std::string account = stmt.text(4);
    if (!account.empty()) e.observation.account = account;
    e.observation.setting = stmt.text(5);
    e.observation.value = stmt.integer(6) != 0;
    e.observation.url = stmt.text(7);
    e.observation.source = stmt.text(8);
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace untrain
