// `untrain` run for real, as a person runs it in a terminal-less shell: a temporary folder with its database, an
// environment that holds only what the test sets (no NO_COLOR, no locale, TZ as given), and what it printed.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "../unit/temp_dir.h"
#include "trail/record.h"

struct Run {
  int status = -1;
  std::string out;
  std::string err;
};

class Member {
 public:
  Member();

  const std::filesystem::path& folder() const { return dir_.path(); }
  const std::filesystem::path& db() const { return db_; }

  // `untrain <args>` in folder(), with HOME, PATH, UNTRAIN_DB and TZ=UTC set, plus `extra` (an empty value unsets).
  Run untrain(const std::vector<std::string>& args, const std::map<std::string, std::string>& extra = {}) const;

  // Appends to the database as the host would (time_ms is the event's own time).
  void observes(const std::string& setting, bool value, std::int64_t time_ms, const std::string& account = "jane-doe",
                const std::string& source = "page-load") const;
  void is_nudged(const std::string& setting, std::int64_t time_ms) const;

 private:
  TempDir dir_;
  std::filesystem::path db_;
};

std::string read_text(const std::filesystem::path& path);
