// Whose SQLite database a file is. untrain writes only to its own: a trail it made (marked with its application_id in
// the file's header, https://www.sqlite.org/fileformat.html#application_id), an older untrain's trail from before the
// mark, or a database with nothing in it yet. Another program's database at the path (a browser's history, a
// password manager's vault) is refused before anything is written, converted or chmod'ed. Decisions only.
#pragma once

#include <cstdint>
#include <string>

namespace untrain {

// "untr": what PRAGMA application_id holds in every trail untrain makes (header bytes 68–71, big-endian).
inline constexpr std::int64_t kApplicationId = 0x756e7472;

enum class DatabaseOwner {
  untrain,          // marked with kApplicationId
  older_untrain,    // unmarked, with a schema version and untrain's events table: marked at its next write
  nothing_yet,      // unmarked, no schema version, no tables: a new database, untrain's to make
  another_program,  // anything else
};

// From what SQLite reads of the database (its write-ahead log included).
DatabaseOwner database_owner(std::int64_t application_id, std::int64_t user_version, bool has_events_table,
                             bool has_tables);

// How a refusal names another program's database: "is another program's SQLite database (application_id 0x…)".
std::string another_programs_database(std::int64_t application_id);

}  // namespace untrain
