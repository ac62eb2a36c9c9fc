// How a run of untrain ends, and the one table that turns that into its exit status. The host
// session (protocol/session.cc), the browser-caller check (host/main.cc) and the command line
// (cli/cli.cc) all exit through it; docs/protocol.md and docs/cli.md print the same table.
#pragma once

#include <string_view>

#include "core/enum_names.h"

namespace untrain {

enum class Outcome {
  ok,                // done: a command did what was asked, or input ended (or a signal came) between frames
  no,                // the command ran and its answer is no: the chain is not intact, doctor found a problem
  failed,            // anything else went wrong: no browser to install for, a bug
  usage,             // the command line is wrong: a value, or options that exclude each other
  bad_input,         // a file handed to a command is not what it must be (not an untrain export)
  io,                // a file (path and reason said), the registry or the connection could not be read or written
  frame_too_large,   // a request's length prefix passes the frame limit
  truncated_frame,   // input ended inside a frame
  storage,           // the database could not be opened or written
  forbidden_caller,  // started by a browser for someone other than untrain's extension
};

template <>
struct EnumNames<Outcome> {
  static constexpr auto names =
      std::to_array<std::string_view>({"ok", "no", "failed", "usage", "bad_input", "io", "frame_too_large",
                                       "truncated_frame", "storage", "forbidden_caller"});
};
static_assert(names_cover(Outcome::forbidden_caller));

// The process exit status of `outcome`: 0 done, 1 the answer is no, 2 the command line is wrong, 3 a file (or the
// connection) is not what it should be, 4 the database; 5 a caller the host does not serve. Scripts test them.
int exit_status(Outcome outcome);

}  // namespace untrain
