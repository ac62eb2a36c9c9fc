#include "protocol/text_chunk.h"

namespace untrain {

std::size_t json_escaped_size(unsigned char byte) {
  switch (byte) {
    case '"':
    case '\\':
    case '\b':
    case '\f':
    case '\n':
    case '\r':
    case '\t': return 2;
    default: return byte < 0x20 ? 6 : 1;
  }
}

std::size_t chunk_end(std::string_view text, std::size_t begin, std::size_t max_bytes, std::size_t max_escaped) {
  std::size_t end = begin;
  std::size_t escaped = 0;
  while (end < text.size() && end - begin < max_bytes) {
    std::size_t cost = json_escaped_size(static_cast<unsigned char>(text[end]));
    if (escaped + cost > max_escaped) break;
    escaped += cost;
    ++end;
  }
  // Back off to the start of a character cut in two (UTF-8 sequences are at most four bytes).
  std::size_t limit = end;
  while (end > begin && end < text.size() && is_continuation(static_cast<unsigned char>(text[end])) &&
         limit - end < 3) {
    --end;
  }
  return end;
}

}  // namespace untrain
