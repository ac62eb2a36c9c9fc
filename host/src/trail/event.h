// One row of the audit trail: anything untrain saw or did that a member may need to prove later
// (docs/audit-trail.md describes every field).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "trail/observation.h"

namespace untrain {

struct Event {
  std::int64_t seq = 0;
  std::int64_t recorded = 0;  // when the host committed it, ms UTC
  std::int64_t time = 0;      // when it happened, ms UTC, by the reporter's clock
  std::string kind;           // observation | nudge | form | export
  std::string action;         // observation: first-seen | check | change; nudge: shown | ...
  std::string source;         // observation: page-load | user-change | assisted; others: where
  std::string platform;
  std::string account;        // "" when not known
  std::string setting;        // "" when the event is not about one setting
  std::optional<bool> value;     // observation: the state seen
  std::optional<bool> previous;  // observation: the state before, when there was one
  std::string url;               // "" when none
  std::string detail;            // kind-specific JSON object text, "" when none
  std::string untrain_version;
  std::string rules_version;
  std::string prev_hash;  // the hash of event seq-1 (64 zeros for the first)
  std::string hash;       // SHA-256(prev_hash ‖ canonical encoding), hex
};

// An observation as the event the store appends; action and previous are filled in by the store,
// which alone knows the state before.
Event observation_event(const Observation& observation);

}  // namespace untrain
