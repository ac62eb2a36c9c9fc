// SHA-256 from OpenSSL's libcrypto and random bytes from the kernel (Linux; the build picks this file there).

// SHA256_Init/Update/Final are deprecated in OpenSSL 3 in favour of EVP, but EVP's first digest loads
// openssl.cnf and fetches the algorithm from a provider: about 5 million instructions, a third of a
// whole browser session's CPU (bench/results.md). The low-level functions run the same assembly.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>
#include <sys/random.h>

#include <cerrno>

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

// From the kernel's random source (getrandom(2)), not OpenSSL's RAND_bytes: that one pulls OpenSSL's whole provider
// machinery into the binary, and with it a third of the pages the dynamic loader relocates at every start.
void random_bytes(unsigned char* out, std::size_t size) {
  std::size_t got = 0;
  while (got < size) {
    ssize_t n = ::getrandom(out + got, size - got, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw Error(Code::internal, "no random bytes from getrandom");
    got += static_cast<std::size_t>(n);
  }
}

}  // namespace untrain
