// Checking an export against the chain head a report names (head_check.h).
#include "cli/head_check.h"

#include <algorithm>
#include <cctype>

#include "core/error.h"

namespace untrain {

ChainHead parse_head(const std::string& text) {
  auto colon = text.find(':');
  auto digits = colon == std::string::npos ? std::string() : text.substr(0, colon);
  auto hash = colon == std::string::npos ? std::string() : text.substr(colon + 1);
  bool seq_ok = !digits.empty() && digits.size() <= 18 &&
                std::all_of(digits.begin(), digits.end(), [](unsigned char c) { return std::isdigit(c); });
  bool hash_ok = hash.size() == 64 && std::all_of(hash.begin(), hash.end(), [](unsigned char c) {
                   return std::isdigit(c) || (c >= 'a' && c <= 'f');
                 });
  if (!seq_ok || !hash_ok) {
    throw Error(Outcome::usage,
                "--head must be SEQ:HASH, a seq and its 64-digit lower-case hex hash, as an HTML "
                "report prints it, not '" +
                    text + "'");
  }
  return ChainHead{std::stoll(digits), hash};
}

std::optional<std::string> head_mismatch(const ChainHead& expected, const std::optional<ChainHead>& found) {
  std::string seq = std::to_string(expected.seq);
  // A report of an empty trail names the genesis: there is no event to compare, and nothing to contradict.
  if (expected.seq == 0 && expected.hash == kGenesisHash) return std::nullopt;
  if (!found) return "this export holds no event seq " + seq + ", the chain head the report names";
  if (found->hash != expected.hash) {
    return "changed at seq " + seq + ": its hash is " + found->hash + ", not " + expected.hash +
           " as the report names it";
  }
  return std::nullopt;
}

}  // namespace untrain
