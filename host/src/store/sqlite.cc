#include "store/sqlite.h"

#include <sqlite3.h>

#include "core/error.h"

namespace untrain::sql {
namespace {

bool damaged(int rc) {
  int primary = rc & 0xff;
  return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
}

[[noreturn]] void fail(sqlite3* db, int rc, const std::string& what) {
  std::string message = what + ": " + (db ? sqlite3_errmsg(db) : "out of memory");
  if (damaged(rc)) throw DamagedFile(message);
  throw Error(Code::storage_unavailable, message);
}

sqlite3* open_database(const std::string& path, int flags, const char* vfs = nullptr) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, vfs);
  if (rc != SQLITE_OK) {
    std::string message = "opening the database " + path + ": " + (db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    throw Error(Code::storage_unavailable, message);
  }
  sqlite3_extended_result_codes(db, 1);
  return db;
}

// "file:/a%20b/untrain.db?immutable=1": every byte but the unreserved ones escaped, so that '?', '#' and '%' in a
// path stay in the path.
std::string immutable_uri(const std::string& path) {
  static const char hex[] = "0123456789ABCDEF";
  std::string uri = "file:";
  for (unsigned char c : path) {
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' || c == '.' ||
                 c == '-' || c == '_' || c == '~';
    if (plain) uri += static_cast<char>(c);
    else uri += {'%', hex[c >> 4], hex[c & 15]};
  }
  return uri + "?immutable=1";
}

}  // namespace

Database::Database(const std::string& path, ReadOnly how)
    : db_(how.immutable ? open_database(immutable_uri(path), SQLITE_OPEN_READONLY | SQLITE_OPEN_URI)
                        : open_database(path, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW)) {}

Database::Database(const std::string& path, const char* vfs)
    : db_(open_database(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW, vfs)) {}

Database::~Database() { close(); }

void Database::close() noexcept {
  sqlite3_close_v2(db_);
  db_ = nullptr;
}

Database::Database(Database&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }

void Database::exec(const char* sql) {
  if (!db_) throw Error(Code::storage_unavailable, "the database connection is closed");
  char* message = nullptr;
  int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &message);
  if (rc != SQLITE_OK) {
    std::string text = std::string("running \"") + sql + "\": " + (message ? message : "unknown error");
    sqlite3_free(message);
    if (damaged(rc)) throw DamagedFile(text);
    throw Error(Code::storage_unavailable, text);
  }
}

Statement Database::prepare(std::string_view sql) {
  if (!db_) throw Error(Code::storage_unavailable, "the database connection is closed");
  return Statement(db_, sql);
}

void Database::rollback() noexcept {
  if (db_ && !sqlite3_get_autocommit(db_)) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

void Database::quick_check() {
  auto check = prepare("PRAGMA quick_check");
  std::string findings;
  while (check.step()) findings += (findings.empty() ? "" : "; ") + check.text(0);
  if (findings != "ok") throw DamagedFile("PRAGMA quick_check: " + findings.substr(0, 500));
}

bool Database::checkpoint() {
  if (!db_) throw Error(Code::storage_unavailable, "the database connection is closed");
  int frames = -1, copied = -1;
  int rc = sqlite3_wal_checkpoint_v2(db_, "main", SQLITE_CHECKPOINT_PASSIVE, &frames, &copied);
  // Busy: another connection is checkpointing now, which does the same work.
  if (rc == SQLITE_BUSY) return false;
  if (rc != SQLITE_OK) fail(db_, rc, "checkpointing the write-ahead log");
  return frames >= 0 && copied == frames;
}

void Database::backup_to(Database& target) {
  if (!db_ || !target.db_) throw Error(Code::storage_unavailable, "the database connection is closed");
  sqlite3_backup* backup = sqlite3_backup_init(target.db_, "main", db_, "main");
  if (!backup) fail(target.db_, sqlite3_errcode(target.db_), "starting the backup");
  // Every page in one step: one read transaction on this database, so one consistent snapshot of it.
  int rc = sqlite3_backup_step(backup, -1);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) {
    std::string message = std::string("writing the backup: ") + sqlite3_errstr(rc);
    if (damaged(rc)) throw DamagedFile(message);
    throw Error(Code::storage_unavailable, message);
  }
}

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
  int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
  if (rc != SQLITE_OK) fail(db, rc, "preparing a statement");
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement::Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) { other.stmt_ = nullptr; }

Statement& Statement::bind(int index, std::int64_t value) {
  if (int rc = sqlite3_bind_int64(stmt_, index, value); rc != SQLITE_OK) fail(db_, rc, "binding a value");
  return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
  int rc = sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
  if (rc != SQLITE_OK) fail(db_, rc, "binding a value");
  return *this;
}

Statement& Statement::bind_null(int index) {
  if (int rc = sqlite3_bind_null(stmt_, index); rc != SQLITE_OK) fail(db_, rc, "binding a value");
  return *this;
}

Statement& Statement::bind_optional(int index, const std::optional<std::string>& value) {
  return value ? bind(index, std::string_view(*value)) : bind_null(index);
}

bool Statement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  fail(db_, rc, "reading or writing the database");
}

void Statement::run() {
  while (step()) {
  }
}

std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(stmt_, column); }

std::optional<std::int64_t> Statement::optional_integer(int column) const {
  if (is_null(column)) return std::nullopt;
  return integer(column);
}

std::string Statement::text(int column) const {
  auto p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))) : std::string();
}

bool Statement::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

}  // namespace untrain::sql
