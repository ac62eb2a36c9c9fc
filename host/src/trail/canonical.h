// The canonical encoding of an event and its chain hash (docs/audit-trail.md, "Tamper evidence").
//
// An event is encoded as one JSON object holding every field except `hash`, with null fields left
// out, booleans written as the integers 0 and 1, keys in byte order, no whitespace, and strings in
// UTF-8 with only the escapes JSON requires. Its hash is SHA-256 over the previous event's hash (64
// lowercase hex characters) followed by that encoding, written as lowercase hex. Because every hash
// covers the one before it, changing, removing, reordering or inserting a row breaks every later
// hash, and the first broken sequence number says where.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "trail/event.h"

namespace untrain {

inline constexpr std::string_view kGenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

// The end of a chain: its last event's seq and hash (seq 0 and the genesis hash when empty).
struct ChainHead {
  std::int64_t seq = 0;
  std::string hash{kGenesisHash};
};

// Throws json_text::NotUtf8 when a text field is not well-formed UTF-8 (trail/json_text.h): such a row has no
// canonical encoding, so no hash can match it.
std::string canonical_encoding(const Event& event);
std::string sha256_hex(std::string_view bytes);
std::string chain_hash(std::string_view prev_hash, const Event& event);

}  // namespace untrain
