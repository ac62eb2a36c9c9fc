#include "core/extension_identity.h"

// SHA256() is OpenSSL 3's one-shot EVP digest: its first call loads openssl.cnf and fetches the algorithm from a
// provider, about 5 million instructions, a third of a browser session's CPU, spent before the first reply
// (bench/results.md). The deprecated low-level functions run the same assembly without that start-up
// (https://www.openssl.org/docs/man3.0/man3/SHA256_Init.html).
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/evp.h>
#include <openssl/sha.h>

#include <vector>

#include "core/embedded.h"
#include "core/error.h"

namespace untrain {
namespace {

std::vector<unsigned char> base64_decode(std::string_view text) {
  std::vector<unsigned char> out(3 * (text.size() / 4) + 3);
  int n =
      EVP_DecodeBlock(out.data(), reinterpret_cast<const unsigned char*>(text.data()), static_cast<int>(text.size()));
  if (n < 0 || text.size() % 4 != 0) throw Error(Code::internal, "the extension key is not base64");
  // EVP_DecodeBlock counts '=' padding as zero bytes; drop them.
  std::size_t padding = 0;
  for (auto it = text.rbegin(); it != text.rend() && *it == '='; ++it) ++padding;
  out.resize(static_cast<std::size_t>(n) - padding);
  return out;
}

}  // namespace

std::string chromium_extension_id(std::string_view base64_key) {
  auto der = base64_decode(base64_key);
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256_CTX context;
  if (SHA256_Init(&context) != 1 || SHA256_Update(&context, der.data(), der.size()) != 1 ||
      SHA256_Final(digest, &context) != 1) {
    throw Error(Code::internal, "SHA-256 failed");
  }
  std::string id;
  for (int i = 0; i < 16; ++i) {
    id += static_cast<char>('a' + (digest[i] >> 4));
    id += static_cast<char>('a' + (digest[i] & 0xF));
  }
  return id;
}

std::string extension_id() { return chromium_extension_id(embedded::extension_key()); }

std::string extension_origin() { return "chrome-extension://" + extension_id() + "/"; }

std::string firefox_addon_id() { return std::string(embedded::firefox_addon_id()); }

}  // namespace untrain
