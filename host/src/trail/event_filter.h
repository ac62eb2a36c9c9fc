// Which events an export or a listing covers: a time range and one account, each optional.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace untrain {

struct EventFilter {
  std::optional<std::int64_t> since;   // events whose `time` is at or after this, ms UTC
  std::optional<std::int64_t> until;   // events whose `time` is before this, ms UTC
  std::optional<std::string> account;  // events of this account only

  bool empty() const { return !since && !until && !account; }
};

}  // namespace untrain
