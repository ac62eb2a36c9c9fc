// The audit trail on disk: an append-only SQLite event log plus the current state of every setting.
// Every write is one BEGIN IMMEDIATE transaction committed with synchronous=FULL, so an event the
// host has acknowledged survives a crash, and several host processes can append at once.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "observation.h"
#include "setting_state.h"
#include "sqlite.h"

namespace untrain {

struct Event {
  std::int64_t seq = 0;
  std::int64_t recorded_ms = 0;  // when the host committed it
  Observation observation;
};

class Store {
 public:
  // Creates the folder (0700) and file (0600) when missing, then migrates the schema.
  static Store open(const std::filesystem::path& path);

  // Appends the observation and updates the current state in one transaction; returns its seq.
  std::int64_t append(const Observation& observation, std::int64_t recorded_ms);

  std::vector<SettingState> states(const std::string& platform);
  std::vector<Event> events();

  int schema_version();

 private:
  explicit Store(sql::Database db) : db_(std::move(db)) {}
  void migrate();

  sql::Database db_;
};

}  // namespace untrain
