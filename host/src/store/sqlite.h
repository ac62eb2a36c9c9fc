// A thin RAII layer over SQLite's C API: a connection, prepared statements, and errors that become
// Error(storage_unavailable) with SQLite's own message; DamagedFile when SQLite says the file itself is damaged.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "core/error.h"

struct sqlite3;
struct sqlite3_stmt;

namespace untrain::sql {

class Statement;

// SQLite answered SQLITE_CORRUPT or SQLITE_NOTADB: the file is damaged or not a database, whatever the moment
// (https://www.sqlite.org/rescode.html#corrupt). Any other failure (busy, I/O, full, read-only) says nothing about
// the file's contents and stays a plain Error.
class DamagedFile : public Error {
 public:
  explicit DamagedFile(const std::string& message) : Error(Code::storage_unavailable, message) {}
};

class Database {
 public:
  // Opens read-write, creating the file; through the VFS named `vfs` (nullptr: SQLite's default).
  explicit Database(const std::string& path, const char* vfs = nullptr);
  struct ReadOnly {
    // For a file this process may not write, with no -wal to read: SQLite then takes no lock and makes no -shm
    // (which it cannot do beside a read-only file), so the member can still read their own database.
    bool immutable = false;
  };
  // Opens an existing file read-only: SQLite then neither rolls back nor deletes its journal files.
  Database(const std::string& path, ReadOnly how);
  ~Database();
  Database(Database&& other) noexcept;
  Database& operator=(Database&&) = delete;
  Database(const Database&) = delete;

  void exec(const char* sql);
  Statement prepare(std::string_view sql);
  // Closes the connection now (a closed Database refuses every statement); never throws.
  void close() noexcept;
  bool is_open() const { return db_ != nullptr; }
  // Ends the open transaction, if any; never throws. SQLite rolls back by itself after some
  // failures (a full disk, an I/O error), and a second ROLLBACK must not hide the first error.
  void rollback() noexcept;
  // PRAGMA quick_check, which reads every page: throws DamagedFile with its findings (or SQLite's own error) when
  // the file is damaged, Error(storage_unavailable) when it cannot be read at all.
  void quick_check();
  // A PASSIVE checkpoint of the main database (https://www.sqlite.org/c3ref/wal_checkpoint_v2.html): copies what it
  // can of the WAL into the database file without waiting for other connections. True when every frame was copied.
  bool checkpoint();
  // Copies the whole database, as of one snapshot, into `target` (https://www.sqlite.org/backup.html).
  void backup_to(Database& target);
  sqlite3* handle() { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement(const Statement&) = delete;

  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, std::string_view value);
  Statement& bind_null(int index);
  Statement& bind_optional(int index, const std::optional<std::string>& value);

  bool step();  // true while a row is available
  void run();   // steps to completion

  std::int64_t integer(int column) const;
  std::optional<std::int64_t> optional_integer(int column) const;
  std::string text(int column) const;
  bool is_null(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// Runs the body between `begin` and COMMIT; ROLLBACK if the body throws.
template <typename Body>
auto transaction(Database& db, const char* begin, Body&& body) {
  db.exec(begin);
  try {
    if constexpr (std::is_void_v<decltype(body())>) {
      body();
      db.exec("COMMIT");
    } else {
      auto result = body();
      db.exec("COMMIT");
      return result;
    }
  } catch (...) {
    db.rollback();
    throw;
  }
}

// A write transaction: BEGIN IMMEDIATE takes the write lock first, so that reading the chain's head
// and appending after it cannot interleave with another process doing the same.
template <typename Body>
auto write_transaction(Database& db, Body&& body) {
  return transaction(db, "BEGIN IMMEDIATE", std::forward<Body>(body));
}

// A read transaction: one consistent snapshot for every statement in the body, even while
// other processes append (WAL readers never block writers).
template <typename Body>
auto read_transaction(Database& db, Body&& body) {
  return transaction(db, "BEGIN DEFERRED", std::forward<Body>(body));
}

}  // namespace untrain::sql
