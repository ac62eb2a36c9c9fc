#include "store/sqlite.h"

#include <sqlite3.h>

#include "core/error.h"

namespace untrain::sql {
namespace {

[[noreturn]] void fail(sqlite3* db, const std::string& what) {
  throw Error(Code::storage_unavailable, what + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

}  // namespace

namespace {

sqlite3* open_database(const std::string& path, int flags) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
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

Database::Database(const std::string& path) {
  int rc =
      sqlite3_open_v2(path.c_str(), &db_,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_NOFOLLOW, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = "opening the database " + path + ": " + (db_ ? sqlite3_errmsg(db_) : "out of memory");
    sqlite3_close(db_);
    db_ = nullptr;
    throw Error(Code::storage_unavailable, message);
  }
  sqlite3_extended_result_codes(db_, 1);
}

Database::~Database() { sqlite3_close_v2(db_); }

Database::Database(Database&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }

void Database::exec(const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    std::string text = message ? message : "unknown error";
    sqlite3_free(message);
    throw Error(Code::storage_unavailable, std::string("running \"") + sql + "\": " + text);
  }
}

Statement Database::prepare(std::string_view sql) { return Statement(db_, sql); }

void Database::rollback() noexcept {
  if (db_ && !sqlite3_get_autocommit(db_)) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

std::optional<std::string> Database::damage() {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db_, "PRAGMA quick_check", -1, &stmt, nullptr);
  std::string findings;
  while (rc == SQLITE_OK || rc == SQLITE_ROW) {
    rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
      auto text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
      findings += (findings.empty() ? "" : "; ") + std::string(text ? text : "");
    }
  }
  std::string message = sqlite3_errmsg(db_);
  sqlite3_finalize(stmt);
  int primary = rc & 0xff;
  if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT) return message;
  if (rc != SQLITE_DONE) throw Error(Code::storage_unavailable, "checking the database: " + message);
  if (findings != "ok") return "quick_check: " + findings.substr(0, 500);
  return std::nullopt;
}

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
  if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) != SQLITE_OK) {
    fail(db, "preparing a statement");
  }
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement::Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) { other.stmt_ = nullptr; }

Statement& Statement::bind(int index, std::int64_t value) {
  if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) fail(db_, "binding a value");
  return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
  if (sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT) != SQLITE_OK) {
    fail(db_, "binding a value");
  }
  return *this;
}

Statement& Statement::bind_null(int index) {
  if (sqlite3_bind_null(stmt_, index) != SQLITE_OK) fail(db_, "binding a value");
  return *this;
}

Statement& Statement::bind_optional(int index, const std::optional<std::string>& value) {
  return value ? bind(index, std::string_view(*value)) : bind_null(index);
}

bool Statement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  fail(db_, "reading or writing the database");
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
