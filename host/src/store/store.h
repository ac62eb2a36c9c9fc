// The audit trail on disk: an append-only SQLite event log plus the current state of every setting.
// Every write is one BEGIN IMMEDIATE transaction committed with synchronous=FULL, so an event the
// host has acknowledged survives a crash, and several host processes can append at once.
//
// The trail is the database file with its write-ahead log (`untrain.db-wal`): a commit is one append to the WAL and
// one fsync of it, and the WAL is kept between processes rather than folded into the database file when each one
// ends (which cost four more fsyncs per browser connection). It is folded in by `checkpoint()`, which callers run
// after their replies once the WAL has grown past kCheckpointPages. Opening reads a constant number of pages
// (header, schema, the chain's head), never the whole file: SQLite's own checks find damage wherever a statement
// reads, and a file found damaged (SQLITE_CORRUPT, SQLITE_NOTADB) is moved aside, whole, the moment it is found.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/sqlite.h"
#include "trail/canonical.h"
#include "trail/event.h"
#include "trail/event_filter.h"
#include "trail/form.h"
#include "trail/nudge.h"
#include "trail/record.h"
#include "trail/setting_state.h"

namespace untrain {

// How many WAL pages make a checkpoint due. The first open in a process reads every page of the WAL to rebuild its
// index (https://www.sqlite.org/walformat.html, "Recovery"; about 27,000 instructions a page), before the observe's
// reply; a checkpoint costs four fsyncs, after the last reply. An observe adds about two pages (the log's last page,
// the setting's state), so about one browser connection in eight checkpoints, and none reads more than 16 pages.
inline constexpr int kCheckpointPages = 16;

class Store {
 public:
  // Creates the folder (0700) and file (0600) when missing, then migrates the schema. A write waits
  // up to `busy_timeout` for another process's lock. A file SQLite finds damaged, now or by any later
  // call, is moved aside (corrupt_database.h) and the call throws Error(storage_unavailable) naming
  // where it went; the Store is then closed (is_open() is false) and the next open starts a new
  // database in its place.
  // A path holding anything but a regular file that is empty or has SQLite's header is refused with
  // Error(storage_unavailable) and left as it is (database_file.h).
  static Store open(const std::filesystem::path& path,
                    std::chrono::milliseconds busy_timeout = std::chrono::milliseconds(10000));
  // For the commands that only read (status, log, verify, export, doctor): creates nothing and moves nothing. A
  // missing (or empty) database is an empty trail, held in memory; a file the member may only read is read as it
  // is. Anything but a database is refused as by open.
  static Store open_for_reading(const std::filesystem::path& path,
                                std::chrono::milliseconds busy_timeout = std::chrono::milliseconds(10000));

  // Appends the record at the end of the hash chain, in one transaction with the current state it
  // changes, and returns the row as stored (with seq, recorded, prev_hash, hash; for an observation
  // also action and previous, which only the state before can tell).
  Event append(const Record& record, std::int64_t recorded_ms);
  // The same, except that a nudge's "shown" is appended only when it is news (trail/nudge.h, shown_is_news),
  // decided in the same transaction so that two browsers cannot both log one; nullopt when it was not news.
  std::optional<Event> append_if_news(const Record& record, std::int64_t recorded_ms);

  std::vector<SettingState> states(const std::string& platform);
  std::vector<NudgeState> nudges(const std::string& platform);
  std::vector<FormState> forms(const std::string& platform);
  std::vector<Event> events();  // oldest first

  int schema_version();
  std::filesystem::path path();  // the database file
  bool is_open() const { return db_.is_open(); }

  // Whether this connection's last commit left kCheckpointPages or more in the WAL; overdue at 64 times that (1,024
  // pages, SQLite's own default), which only a connection that is never quiet reaches.
  bool checkpoint_due() const { return *wal_pages_ >= kCheckpointPages; }
  bool checkpoint_overdue() const { return *wal_pages_ >= 64 * kCheckpointPages; }
  // Copies the WAL's pages into the database file (a PASSIVE checkpoint: it neither waits for nor blocks other
  // processes, and stops short of pages a reader still needs). Never before a reply: it costs two fsyncs.
  void checkpoint();
  // PRAGMA quick_check, which reads every page (`untrain verify`); a finding moves the file aside as above.
  void check_structure();
  // Writes the whole trail, WAL included, to `file` as one self-contained database (SQLite's backup API, on one
  // snapshot while other processes append), made 0600 and synced. Refuses a `file` that exists.
  void backup(const std::filesystem::path& file);

  // The last event of the chain (seq 0 and the genesis hash when the log is empty).
  ChainHead head();
  // How many events `filter` selects.
  std::int64_t count(const EventFilter& filter);
  // Calls `visit` with each event `filter` selects, oldest first, one at a time: memory stays
  // constant however long the log is.
  void for_each_event(const EventFilter& filter, const std::function<void(const Event&)>& visit);
  // The first event whose column holds a type the format does not allow (docs/audit-trail.md, "Events"): SQLite
  // converts text such as '1000x' to the integer 1000 when read, so an edit of the type alone would keep the hash.
  struct MistypedEvent {
    std::int64_t seq = 0;
    std::string column;  // time, value, …
    std::string type;    // what SQLite holds there: text, real, blob, null
  };
  std::optional<MistypedEvent> first_mistyped_event();
  // Runs `body` on one consistent snapshot of the log: head, count and for_each_event inside it
  // agree with each other even while other processes append.
  void snapshot(const std::function<void()>& body);

 private:
  // read: opened by open_for_reading, so a damaged file is reported, never moved (reading changes nothing).
  enum class Access { write, read };
  Store(sql::Database db, std::filesystem::path path, Access access = Access::write);
  void migrate();
  std::int64_t application_id();
  Event append_in_transaction(const Record& record, std::int64_t recorded_ms);
  std::optional<ShownNudge> last_shown(const Event& row);
  void look();
  // Runs `body`; when SQLite finds the file damaged on the way, closes the connection, moves the file aside and
  // throws the Error that says where it went.
  template <typename Body>
  auto guarded(Body&& body);
  [[noreturn]] void set_aside(const std::string& damage);
  void record_observation(Event& row, const Observation& observation);
  void record_nudge(const Event& row, const Nudge& nudge);
  void record_form(const Event& row, const FormReport& form);

  sql::Database db_;
  std::filesystem::path path_;
  Access access_ = Access::write;
  std::uint64_t device_ = 0, inode_ = 0;  // the file this connection opened, to tell it from a successor
  std::unique_ptr<int> wal_pages_;        // set by SQLite's WAL hook after each commit; heap: the Store moves
};

}  // namespace untrain
