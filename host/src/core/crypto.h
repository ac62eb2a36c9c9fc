// The two things untrain needs from cryptography: SHA-256 (the hash chain, the extension id) and random bytes (export
// handles). Each system's own library provides them, chosen by the build: OpenSSL's libcrypto and getrandom(2) on
// Linux (crypto-openssl.cc), Windows' CNG in bcrypt.dll (crypto-win32.cc). I/O-free but for the system's random source.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace untrain {

using Sha256Digest = std::array<unsigned char, 32>;

// Throws Error(internal) if the library fails.
Sha256Digest sha256(std::string_view bytes);

// Fills out[0, size) from the system's cryptographic random source; throws Error(internal) if it fails.
void random_bytes(unsigned char* out, std::size_t size);

}  // namespace untrain
