// What `untrain log` lists and how: which events the member's filters select (--setting, --kind, --since, --until,
// --account; nudges only with --all, as they are most of the lines), a header line, one line per event in local
// time (or UTC), and what an empty listing says. Decisions and formatting only: the store reads the events.
#pragma once

#include <optional>
#include <string>

#include "cli/colour.h"
#include "core/local_time.h"
#include "trail/event.h"
#include "trail/event_filter.h"

namespace untrain {

struct LogFilter {
  EventFilter range;                   // --since, --until, --account: what the store selects
  std::optional<std::string> setting;  // --setting ID
  std::optional<std::string> kind;     // --kind observation|nudge|form|export
  bool all = false;                    // --all: nudges too
};

// Throws Error(usage) for a --kind that names no kind, or a --setting no rules file has, suggesting the nearest.
void check_log_filter(const LogFilter& filter);

// Whether the listing shows `event`; `hidden_nudge` is set when only the absence of --all hides it.
bool log_shows(const Event& event, const LogFilter& filter, bool& hidden_nudge);

std::string log_header(Zone zone);
std::string log_line(const Event& event, Zone zone, const Palette& palette);
// The last line: what an empty listing means, and how many nudges --all would add.
std::string log_footer(std::int64_t shown, std::int64_t hidden_nudges, const LogFilter& filter);

}  // namespace untrain
