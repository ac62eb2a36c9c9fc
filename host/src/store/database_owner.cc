#include "store/database_owner.h"

#include <cstdio>

namespace untrain {

DatabaseOwner database_owner(std::int64_t application_id, std::int64_t user_version, bool has_events_table,
                             bool has_tables) {
  if (application_id == kApplicationId) return DatabaseOwner::untrain;
  if (application_id != 0) return DatabaseOwner::another_program;
  // untrain has always set user_version in the transaction that made its tables, events first among them.
  if (user_version >= 1 && has_events_table) return DatabaseOwner::older_untrain;
  if (user_version == 0 && !has_tables) return DatabaseOwner::nothing_yet;
  return DatabaseOwner::another_program;
}

std::string another_programs_database(std::int64_t application_id) {
  if (application_id == 0) return "is another program's SQLite database (it holds tables that are not untrain's)";
  char hex[16];
  std::snprintf(hex, sizeof hex, "0x%08llx", static_cast<unsigned long long>(application_id) & 0xffffffffULL);
  return std::string("is another program's SQLite database (its application_id is ") + hex + ", not untrain's)";
}

}  // namespace untrain
