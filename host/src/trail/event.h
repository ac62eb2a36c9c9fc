// One row of the audit trail: anything untrain saw or did that a member may need to prove later
// (docs/audit-trail.md describes every field).
//
// The row is text, as stored and exported: a trail may hold words this untrain does not know (a
// newer untrain's, or a row someone edited), and each hash covers the text as it is. What the host
// appends is typed (trail/record.h); the names come from trail/vocabulary.h.
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
  std::string kind;           // an EventKind's name
  std::string action;         // an ObservationAction, NudgeAction, FormAction or ExportFormat's name
  std::string source;         // an ObservationSource, NudgeSource or ExportSource's name
  std::string platform;
  std::string account;           // "" when not known
  std::string setting;           // "" when the event is not about one setting
  std::optional<bool> value;     // observation: the state seen
  std::optional<bool> previous;  // observation: the state before, when there was one
  std::string url;               // "" when none
  std::string detail;            // kind-specific JSON object text, "" when none
  std::string untrain_version;
  std::string rules_version;
  std::string prev_hash;  // the hash of event seq-1 (64 zeros for the first)
  std::string hash;       // SHA-256(prev_hash ‖ canonical encoding), hex
};

// An observation as the store keeps it; action and previous are filled in by the store, which
// alone knows the state before.
Event observation_event(const Observation& observation);

}  // namespace untrain
