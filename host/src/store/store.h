// The audit trail on disk: an append-only SQLite event log plus the current state of every setting.
// Every write is one BEGIN IMMEDIATE transaction committed with synchronous=FULL, so an event the
// host has acknowledged survives a crash, and several host processes can append at once.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
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

class Store {
 public:
  // Creates the folder (0700) and file (0600) when missing, then migrates the schema. A write waits
  // up to `busy_timeout` for another process's lock. A file SQLite finds damaged is moved aside
  // (corrupt_database.h) and this open throws Error(storage_unavailable) naming where it went; the
  // next open starts a new database in its place.
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
  explicit Store(sql::Database db) : db_(std::move(db)) {}
  void migrate();
  Event append_in_transaction(const Record& record, std::int64_t recorded_ms);
  std::optional<ShownNudge> last_shown(const Event& row);
  void record_observation(Event& row, const Observation& observation);
  void record_nudge(const Event& row, const Nudge& nudge);
  void record_form(const Event& row, const FormReport& form);

  sql::Database db_;
};

}  // namespace untrain
