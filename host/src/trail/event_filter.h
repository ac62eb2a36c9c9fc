// Which events an export or a listing covers: a time range, one account and some kinds, each optional.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "trail/vocabulary.h"

namespace untrain {

struct EventFilter {
  std::optional<std::int64_t> since;   // events whose `time` is at or after this, ms UTC
  std::optional<std::int64_t> until;   // events whose `time` is before this, ms UTC
  std::optional<std::string> account;  // events of this account only
  std::vector<EventKind> kinds;        // events of these kinds only; empty: every kind

  bool empty() const { return !since && !until && !account && kinds.empty(); }
  // Whether `kinds` lets an event of this kind in.
  bool keeps(EventKind kind) const {
    return kinds.empty() || std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
  }
};

}  // namespace untrain
