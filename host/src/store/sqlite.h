// A thin RAII layer over SQLite's C API: a connection, prepared statements, and errors that become
// Error(storage_unavailable) with SQLite's own message.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

struct sqlite3;
struct sqlite3_stmt;

namespace untrain::sql {

class Statement;

class Database {
 public:
  explicit Database(const std::string& path);  // opens read-write, creating the file
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
  // Ends the open transaction, if any; never throws. SQLite rolls back by itself after some
  // failures (a full disk, an I/O error), and a second ROLLBACK must not hide the first error.
  void rollback() noexcept;
  // What is wrong with the file when SQLite finds it is not a database or is damaged (its own
  // error, or PRAGMA quick_check's findings); nullopt when it is sound. Other failures (locked,
  // unreadable) throw Error(storage_unavailable): they say nothing about the file's contents.
  std::optional<std::string> damage();
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
