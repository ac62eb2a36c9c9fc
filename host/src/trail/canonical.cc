#include "trail/canonical.h"

// SHA256_Init/Update/Final are deprecated in OpenSSL 3 in favour of EVP, but EVP's first digest loads
// openssl.cnf and fetches the algorithm from a provider: about 5 million instructions, a third of a
// whole browser session's CPU (bench/results.md). The low-level functions run the same assembly.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>

#include <nlohmann/json.hpp>

#include "core/error.h"

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
  unsigned char digest[SHA256_DIGEST_LENGTH];
  constexpr unsigned int length = SHA256_DIGEST_LENGTH;
  SHA256_CTX context;
  if (SHA256_Init(&context) != 1 || SHA256_Update(&context, bytes.data(), bytes.size()) != 1 ||
      SHA256_Final(digest, &context) != 1) {
    throw Error(Code::internal, "SHA-256 failed");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * length);
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0xF];
  }
  return hex;
}

std::string chain_hash(std::string_view prev_hash, const Event& event) {
  std::string input(prev_hash);
  input += canonical_encoding(event);
  return sha256_hex(input);
}

}  // namespace untrain
