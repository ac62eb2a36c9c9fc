// `untrain verify --file EXPORT --head SEQ:HASH`: whether an export holds the chain head an HTML report names (the
// report's own head is an earlier seq than any later export's, since each export is recorded as an event). A
// decision only: verify.h reads the file.
#pragma once

#include <optional>
#include <string>

#include "trail/canonical.h"

namespace untrain {

// "41:9b1e…" (64 hex digits). Throws Error(usage) for anything else.
ChainHead parse_head(const std::string& text);

// Nothing when `found` (the file's event of that seq, if any) is the head expected; else what is wrong, for
// "NOT intact: …".
std::optional<std::string> head_mismatch(const ChainHead& expected, const std::optional<ChainHead>& found);

}  // namespace untrain
