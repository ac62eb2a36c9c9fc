// What the log says about one setting of one account right now: the input to every verdict.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "trail/vocabulary.h"

namespace untrain {

// A value untrain read on the page itself (any source but member-reported).
struct VerifiedReading {
  bool value = false;
  std::int64_t time = 0;      // when it was read, ms UTC
  std::string rules_version;  // "" when an older trail cannot tell
};

struct SettingState {
  std::string platform;
  std::string account;  // "" when the pages never showed whose account it was
  std::string setting;
  bool value = false;        // the latest observed value, whatever its source
  bool first_value = false;  // the value at the first ever observation
  std::int64_t first_seen = 0;
  std::int64_t last_checked = 0;
  std::optional<std::int64_t> last_changed;  // when the value last differed from the one before
  // The source of `value` (an ObservationSource's name) and the rules version it was recorded with; "" when an
  // older trail cannot tell (its values were all read by untrain: member reports came later).
  std::string source = "";
  std::string rules_version = "";
  // The latest value untrain read itself; the same as `value` unless a member's report is newer.
  std::optional<VerifiedReading> last_verified = std::nullopt;
  // When the host recorded `value` (ms UTC, its own clock): what "the most recently checked account" is ordered by,
  // so that a row whose reporter dated it in the future cannot hold that place.
  std::int64_t recorded = 0;

  // False while `value` is the member's own report rather than a reading.
  bool verified() const { return source != to_string(ObservationSource::member_reported); }
};

}  // namespace untrain
