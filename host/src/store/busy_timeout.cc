#include "store/busy_timeout.h"

#include <charconv>

namespace untrain {

std::chrono::milliseconds busy_timeout(const Environment& env) {
  auto text = env("UNTRAIN_BUSY_TIMEOUT_MS");
  if (!text) return kDefaultBusyTimeout;
  long long ms = -1;
  auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), ms);
  if (error != std::errc() || end != text->data() + text->size() || ms < 0 || ms > 600000) return kDefaultBusyTimeout;
  return std::chrono::milliseconds(ms);
}

}  // namespace untrain
