#include "trail/canonical.h"

#include <nlohmann/json.hpp>

#include "core/crypto.h"

namespace untrain {

std::string canonical_encoding(const Event& e) {
  nlohmann::json object = {
      {"seq", e.seq},
      {"recorded", e.recorded},
      {"time", e.time},
      {"kind", e.kind},
      {"action", e.action},
      {"source", e.source},
      {"platform", e.platform},
      {"account", e.account},
      {"setting", e.setting},
      {"url", e.url},
      {"detail", e.detail},
      {"untrain_version", e.untrain_version},
      {"rules_version", e.rules_version},
      {"prev_hash", e.prev_hash},
  };
  if (e.value) object["value"] = *e.value ? 1 : 0;
  if (e.previous) object["previous"] = *e.previous ? 1 : 0;
  // nlohmann::json keeps object keys in a std::map: byte order, as the encoding requires.
  return object.dump(-1, ' ', /*ensure_ascii=*/false, nlohmann::json::error_handler_t::strict);
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
  std::string input(prev_hash);
  input += canonical_encoding(event);
  return sha256_hex(input);
}

}  // namespace untrain
