#include "core/extension_identity.h"

#include <cstdint>
#include <vector>

#include "core/crypto.h"
#include "core/embedded.h"
#include "core/error.h"

namespace untrain {
namespace {

// Standard base64 (RFC 4648, with padding), as the manifest's "key" is written. Throws on anything else.
std::vector<unsigned char> base64_decode(std::string_view text) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  auto refuse = [] { throw Error(Code::internal, "the extension key is not base64"); };
  if (text.size() % 4 != 0) refuse();
  std::size_t padding = 0;
  while (padding < 2 && padding < text.size() && text[text.size() - 1 - padding] == '=') ++padding;
  std::vector<unsigned char> out;
  out.reserve(3 * (text.size() / 4));
  std::uint32_t bits = 0;
  int count = 0;
  for (std::size_t i = 0; i < text.size() - padding; ++i) {
    int v = value(text[i]);
    if (v < 0) refuse();
    bits = (bits << 6) | static_cast<std::uint32_t>(v);
    if (++count == 4) {
      out.push_back(static_cast<unsigned char>(bits >> 16));
      out.push_back(static_cast<unsigned char>(bits >> 8));
      out.push_back(static_cast<unsigned char>(bits));
      bits = 0;
      count = 0;
    }
  }
  if (count == 3) {  // one '='
    out.push_back(static_cast<unsigned char>(bits >> 10));
    out.push_back(static_cast<unsigned char>(bits >> 2));
  } else if (count == 2) {  // "=="
    out.push_back(static_cast<unsigned char>(bits >> 4));
  } else if (count == 1) {
    refuse();
  }
  return out;
}

}  // namespace

std::string chromium_extension_id(std::string_view base64_key) {
  auto der = base64_decode(base64_key);
  Sha256Digest digest = sha256(std::string_view(reinterpret_cast<const char*>(der.data()), der.size()));
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
