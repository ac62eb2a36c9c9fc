// One state of one setting as the extension saw it on a page: the unit the audit trail records.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "trail/vocabulary.h"

namespace untrain {

struct Observation {
  std::string platform;
  std::optional<std::string> account;  // the member's public profile id, when the page showed it
  std::string setting;
  bool value = false;  // true is On
  std::string url;
  std::int64_t time_ms = 0;  // when the page was read, ms since the epoch, UTC
  ObservationSource source = ObservationSource::page_load;
};

}  // namespace untrain
