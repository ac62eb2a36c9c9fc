// Text from the trail, a file or a database made safe to print on a terminal: a decision only, applied where the
// command line writes text (log, status, verify, doctor, its error line).
#pragma once

#include <string>
#include <string_view>

namespace untrain {

// Escapes what could repaint a terminal or reorder what it shows: C0 controls and DEL as \xNN (a line break too,
// unless keep_line_breaks, for text made of lines), C1 controls (U+0080 to U+009F) and the bidirectional marks,
// embeddings, overrides and isolates (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069) as \uNNNN, and
// bytes that are not UTF-8 as \xNN. Everything else is kept as it is.
std::string terminal_safe(std::string_view text, bool keep_line_breaks = false);

}  // namespace untrain
