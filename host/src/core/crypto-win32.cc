// SHA-256 and random bytes from Windows' own CNG (bcrypt.dll), so untrain.exe needs no OpenSSL (the build picks this
// file on Windows).
#include <windows.h>
// windows.h first: bcrypt.h uses its types.
#include <bcrypt.h>

#include "core/crypto.h"
#include "core/error.h"

namespace untrain {

namespace {

// The built-in SHA-256 provider, opened once for the process's lifetime (a provider handle is safe to share between
// threads).
BCRYPT_ALG_HANDLE sha256_provider() {
  static BCRYPT_ALG_HANDLE provider = [] {
    BCRYPT_ALG_HANDLE handle = nullptr;
    if (!BCRYPT_SUCCESS(BCryptOpenAlgorithmProvider(&handle, BCRYPT_SHA256_ALGORITHM, nullptr, 0))) handle = nullptr;
    return handle;
  }();
  if (!provider) throw Error(Code::internal, "SHA-256 failed: Windows has no SHA-256 provider");
  return provider;
}

}  // namespace

Sha256Digest sha256(std::string_view bytes) {
  // BCryptHash (Windows 10 and later): one call, no hash object to manage. Its length is a ULONG; untrain hashes
  // events and keys, never gigabytes.
  if (bytes.size() > 0xFFFFFFFFu) throw Error(Code::internal, "SHA-256 failed: more than 4 GiB to hash");
  Sha256Digest digest{};
  auto data = reinterpret_cast<PUCHAR>(const_cast<char*>(bytes.data()));
  if (!BCRYPT_SUCCESS(BCryptHash(sha256_provider(), nullptr, 0, data, static_cast<ULONG>(bytes.size()), digest.data(),
                                 static_cast<ULONG>(digest.size())))) {
    throw Error(Code::internal, "SHA-256 failed: BCryptHash");
  }
  return digest;
}

void random_bytes(unsigned char* out, std::size_t size) {
  if (!BCRYPT_SUCCESS(BCryptGenRandom(nullptr, out, static_cast<ULONG>(size), BCRYPT_USE_SYSTEM_PREFERRED_RNG))) {
    throw Error(Code::internal, "no random bytes from BCryptGenRandom");
  }
}

}  // namespace untrain
