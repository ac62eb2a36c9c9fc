#include "trail/chain_verifier.h"

#include "trail/json_text.h"

namespace untrain {

namespace {

std::string seq_text(std::int64_t seq) { return "seq " + std::to_string(seq); }

// A row whose text is not valid UTF-8 has no canonical encoding, so it cannot match any hash: an
// edit made it so (untrain only ever stores valid UTF-8).
bool hash_holds(const Event& e) {
  try {
    return chain_hash(e.prev_hash, e) == e.hash;
  } catch (const json_text::NotUtf8&) {
    return false;
  }
}

}  // namespace

bool is_hash_text(std::string_view text) {
  return text.size() == 64 && text.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

bool ChainVerifier::fail(std::int64_t seq, std::string what, std::string detail) {
  if (!problem_) problem_ = ChainProblem{seq, std::move(what), std::move(detail)};
  return false;
}

bool ChainVerifier::add(Event event) {
  if (problem_) return false;
  ++events_;
  if (pending_) judge(&event);
  pending_ = std::move(event);
  return !problem_;
}

void ChainVerifier::judge(const Event* next) {
  if (!check(*pending_, next)) return;
  // Moved, not copied: a long chain passes through here once per event.
  if (previous_) before_previous_hash_ = std::move(previous_->hash);
  else before_previous_hash_.reset();
  head_.seq = pending_->seq;
  head_.hash.assign(pending_->hash);
  previous_ = std::move(pending_);
}

bool ChainVerifier::check(const Event& e, const Event* next) {
  if (problem_) return false;
  // Only one spelling of a hash links: an upper-case or padded copy would otherwise pass where rows are not compared
  // (the gaps of a partial export).
  if (!is_hash_text(e.hash) || !is_hash_text(e.prev_hash)) {
    return fail(
        e.seq, "changed",
        std::string(is_hash_text(e.hash) ? "its prev_hash" : "its hash") + " is not 64 lowercase hexadecimal digits");
  }
  if (!previous_) {
    if (complete_ && e.seq != 1) {
      if (next && next->seq == 1) return fail(1, "reordered", "seq 1 comes after " + seq_text(e.seq));
      return fail(1, "missing", "the chain starts at " + seq_text(e.seq) + " instead of seq 1");
    }
    if (complete_ && e.prev_hash != kGenesisHash) {
      return fail(e.seq, "changed", "the first event does not link to the genesis hash");
    }
  } else {
    const Event& p = *previous_;
    if (e.seq == p.seq) return fail(e.seq, "inserted", "two events have " + seq_text(e.seq));
    if (e.seq < p.seq) return fail(e.seq, "reordered", seq_text(e.seq) + " comes after " + seq_text(p.seq));
    if (e.seq > p.seq + 1) {
      if (next && next->seq > p.seq && next->seq < e.seq) {
        return fail(next->seq, "reordered", seq_text(next->seq) + " comes after " + seq_text(e.seq));
      }
      if (complete_) {
        std::string gap =
            e.seq == p.seq + 2 ? seq_text(p.seq + 1) : seq_text(p.seq + 1) + " to " + std::to_string(e.seq - 1);
        return fail(p.seq + 1, "missing", gap + " not there: " + seq_text(e.seq) + " follows " + seq_text(p.seq));
      }
    } else if (e.prev_hash != p.hash) {
      if (next && e.prev_hash == next->hash) {
        return fail(e.seq, "reordered", seq_text(e.seq) + " links to the event after it, " + seq_text(next->seq));
      }
      if (next && next->prev_hash == p.hash) {
        return fail(e.seq, "inserted", seq_text(next->seq) + " links to " + seq_text(p.seq) + ", past this event");
      }
      if (before_previous_hash_ && e.prev_hash == *before_previous_hash_) {
        return fail(p.seq, "inserted", seq_text(e.seq) + " links to " + seq_text(p.seq - 1) + ", past this event");
      }
      // This row holds together on its own: the one before was edited and given a new hash.
      if (hash_holds(e)) {
        return fail(p.seq, "changed",
                    "its hash was re-computed after an edit: " + seq_text(e.seq) + " no longer links to it");
      }
      return fail(e.seq, "changed",
                  "it does not link to " + seq_text(p.seq) + " and its hash does not match its contents");
    }
  }
  if (!hash_holds(e)) return fail(e.seq, "changed", "its hash does not match its contents");
  return true;
}

std::optional<ChainProblem> ChainVerifier::finish(const std::optional<ChainHead>& expected) {
  if (pending_) judge(nullptr);
  pending_.reset();
  if (problem_ || !expected) return problem_;
  if (head_.seq < expected->seq && complete_) {
    fail(head_.seq + 1, "missing",
         "the chain ends at " + seq_text(head_.seq) + " but its head is " + seq_text(expected->seq));
  } else if (head_.seq != expected->seq || head_.hash != expected->hash) {
    if (complete_ || head_.seq == expected->seq) {
      fail(head_.seq, "changed",
           "the last event is not the head the export names (" + seq_text(expected->seq) + ", " +
               expected->hash.substr(0, 16) + "…)");
    }
  }
  return problem_;
}

std::string describe(const ChainProblem& problem) {
  std::string where = problem.seq > 0 ? " at " + seq_text(problem.seq) : "";
  return problem.what + where + ": " + problem.detail;
}

}  // namespace untrain
