#include "trail/canonical.h"

#include "core/crypto.h"
#include "trail/json_text.h"

namespace untrain {
namespace {

void key(std::string& out, std::string_view name) {
  out += '"';
  out += name;
  out += "\":";
}

void text_member(std::string& out, std::string_view name, std::string_view value) {
  key(out, name);
  json_text::append_string(out, value);
  out += ',';
}

void integer_member(std::string& out, std::string_view name, std::int64_t value) {
  key(out, name);
  json_text::append_integer(out, value);
  out += ',';
}

// The encoding, written member by member in byte order of the keys (the order nlohmann::json's std::map gave it
// when the encoding was defined through it; tests/unit/trail/canonical_test.cc holds the two to the same bytes).
void append_canonical(std::string& out, const Event& e) {
  out += '{';
  text_member(out, "account", e.account);
  text_member(out, "action", e.action);
  text_member(out, "detail", e.detail);
  text_member(out, "kind", e.kind);
  text_member(out, "platform", e.platform);
  text_member(out, "prev_hash", e.prev_hash);
  if (e.previous) integer_member(out, "previous", *e.previous ? 1 : 0);
  integer_member(out, "recorded", e.recorded);
  text_member(out, "rules_version", e.rules_version);
  integer_member(out, "seq", e.seq);
  text_member(out, "setting", e.setting);
  text_member(out, "source", e.source);
  integer_member(out, "time", e.time);
  text_member(out, "untrain_version", e.untrain_version);
  text_member(out, "url", e.url);
  if (e.value) integer_member(out, "value", *e.value ? 1 : 0);
  out.back() = '}';  // the last member's comma
}

}  // namespace

std::string canonical_encoding(const Event& e) {
  std::string out;
  out.reserve(320 + e.url.size() + e.detail.size());
  append_canonical(out, e);
  return out;
}

std::string sha256_hex(std::string_view bytes) {
  Sha256Digest digest = sha256(bytes);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * digest.size());
  for (unsigned char b : digest) {
    hex += kHex[b >> 4];
    hex += kHex[b & 0xF];
  }
  return hex;
}

std::string chain_hash(std::string_view prev_hash, const Event& event) {
  // One buffer per thread, reused: verifying a long trail hashes every event, and allocating the input each time
  // cost as much as the hash.
  thread_local std::string input;
  input.assign(prev_hash);
  append_canonical(input, event);
  return sha256_hex(input);
}

}  // namespace untrain
