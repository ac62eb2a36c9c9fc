// Checks a hash chain fed one event at a time, oldest first, and names the first thing wrong.
//
// Each event's own hash is re-computed from its prev_hash and its canonical encoding, and each
// event must link to the one before it (same prev_hash as that event's hash, seq one higher). When
// something does not fit, one event of look-ahead and the hash two rows back tell what happened:
//   changed    a row's contents no longer give its hash, or a row was re-hashed after an edit so
//              that the next row no longer links to it;
//   missing    seq numbers jump (a complete chain only; a filtered export has gaps by design);
//   reordered  seq numbers go backwards, or a row links to the row after it;
//   inserted   two rows share a seq, or the next row (or this one) links past a row to the row
//              before it, so that row was never part of the chain.
// Memory is constant: the verifier keeps three events at most, whatever the length of the chain.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "trail/canonical.h"
#include "trail/event.h"

namespace untrain {

struct ChainProblem {
  std::int64_t seq = 0;  // the first bad sequence number (0 when it cannot be told)
  std::string what;      // changed | missing | reordered | inserted
  std::string detail;    // a sentence saying how it was found
};

class ChainVerifier {
 public:
  // complete: the events must be the whole chain, seq 1 (linked to the genesis hash) to the end
  // without gaps. Otherwise they are a filtered part of it: each row's hash must still hold, seq
  // must rise, and rows with consecutive seq numbers must link.
  explicit ChainVerifier(bool complete) : complete_(complete) {}

  // Feeds the next event; returns false once a problem was found (further events are ignored).
  bool add(Event event);

  // Ends the chain. When `expected` is given (the head an export names), the chain must end there.
  std::optional<ChainProblem> finish(const std::optional<ChainHead>& expected = std::nullopt);

  std::int64_t events() const { return events_; }
  const ChainHead& head() const { return head_; }  // the last event checked so far

 private:
  // Judges the pending event, with the next one (if any) as look-ahead; a good one becomes previous_.
  void judge(const Event* next);
  bool check(const Event& event, const Event* next);  // true when it fits
  bool fail(std::int64_t seq, std::string what, std::string detail);

  bool complete_;
  std::optional<Event> pending_;   // waits for the next event before it is judged
  std::optional<Event> previous_;  // the last event judged good
  std::optional<std::string> before_previous_hash_;
  std::optional<ChainProblem> problem_;
  std::int64_t events_ = 0;
  ChainHead head_;
};

// A hash as the format writes it: exactly 64 lowercase hexadecimal digits. Anything else was not written by untrain.
bool is_hash_text(std::string_view text);

// "changed at seq 3: its hash does not match its contents" — for people.
std::string describe(const ChainProblem& problem);

}  // namespace untrain
