// SHA-256 and random bytes from OpenSSL's libcrypto (Linux, macOS; the build picks this file there).

// SHA256_Init/Update/Final are deprecated in OpenSSL 3 in favour of EVP, but EVP's first digest loads
// openssl.cnf and fetches the algorithm from a provider: about 5 million instructions, a third of a
// whole browser session's CPU (bench/results.md). The low-level functions run the same assembly.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/rand.h>
#include <openssl/sha.h>

#include "core/crypto.h"
#include "core/error.h"

namespace untrain {

Sha256Digest sha256(std::string_view bytes) {
  Sha256Digest digest{};
  SHA256_CTX context;
  if (SHA256_Init(&context) != 1 || SHA256_Update(&context, bytes.data(), bytes.size()) != 1 ||
      SHA256_Final(digest.data(), &context) != 1) {
    throw Error(Code::internal, "SHA-256 failed");
  }
  return digest;
}

void random_bytes(unsigned char* out, std::size_t size) {
  if (RAND_bytes(out, static_cast<int>(size)) != 1) throw Error(Code::internal, "no random bytes from OpenSSL");
}

}  // namespace untrain
