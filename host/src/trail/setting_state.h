// What the log says about one setting of one account right now: the input to every verdict.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace untrain {

struct SettingState {
  std::string platform;
  std::string account;  // "" when the pages never showed whose account it was
  std::string setting;
  bool value = false;        // the latest observed value
  bool first_value = false;  // the value at the first ever observation
  std::int64_t first_seen = 0;
  std::int64_t last_checked = 0;
  std::optional<std::int64_t> last_changed;  // when the value last differed from the one before
};

}  // namespace untrain
