// Where to cut a long UTF-8 text into pieces that each fit in one native-messaging reply: never
// inside a UTF-8 sequence, and small enough in bytes and once escaped as a JSON string (a control
// character grows to six bytes as \u00XX), since the browser drops replies over 1 MiB.
#pragma once

#include <cstddef>
#include <string_view>

namespace untrain {

// How many bytes `byte` takes inside a JSON string as the host writes replies (raw UTF-8).
std::size_t json_escaped_size(unsigned char byte);

// The end (exclusive) of the piece of `text` that starts at `begin`: at most max_bytes bytes and
// max_escaped escaped bytes, ending on a character boundary. `text` must extend past the piece by
// 3 bytes where it can, so that a sequence cut off at the limit is seen whole.
std::size_t chunk_end(std::string_view text, std::size_t begin, std::size_t max_bytes, std::size_t max_escaped);

// True when byte is the second, third or fourth byte of a UTF-8 sequence.
inline bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

}  // namespace untrain
