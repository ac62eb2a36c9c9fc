// core/crypto.h: the same answers from libcrypto (Linux) and CNG (Windows, tests/windows/).
#include "core/crypto.h"

#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "core/extension_identity.h"

using namespace untrain;

namespace {

std::string hex(const Sha256Digest& digest) {
  std::string text;
  for (unsigned char b : digest) {
    text += "0123456789abcdef"[b >> 4];
    text += "0123456789abcdef"[b & 0xF];
  }
  return text;
}

}  // namespace

TEST_CASE("SHA-256 gives FIPS 180-2's answers", "[crypto]") {
  CHECK(hex(sha256("")) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(hex(sha256("abc")) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(hex(sha256(std::string(1000000, 'a'))) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("random bytes differ from call to call", "[crypto]") {
  std::set<std::string> seen;
  for (int i = 0; i < 20; ++i) {
    unsigned char bytes[16] = {};
    random_bytes(bytes, sizeof bytes);
    seen.insert(std::string(reinterpret_cast<char*>(bytes), sizeof bytes));
  }
  CHECK(seen.size() == 20);
}

TEST_CASE("the extension id is SHA-256 of the key's bytes, as Chromium computes it", "[crypto]") {
  // The id every manifest and test names (tests/protocol, manifests/), from the key in extension/manifest.json.
  CHECK(extension_id() == "cnfjdjaccjmkpgnehhaamchmmodophch");
  CHECK_THROWS(chromium_extension_id("not base64!"));
  CHECK_THROWS(chromium_extension_id("abc"));
}
