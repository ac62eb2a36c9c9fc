// The extension's identity as browsers see it, derived from extension/manifest.json (embedded):
// the Chromium extension id from its public `key`, and the Firefox add-on id.
#pragma once

#include <string>
#include <string_view>

namespace untrain {

// Chromium's id for a key: the first 32 hex digits of SHA-256 over the DER key bytes, with the
// digits 0-f written as the letters a-p.
std::string chromium_extension_id(std::string_view base64_key);

std::string extension_id();      // the id of the extension in extension/ (its manifest's key)
std::string extension_origin();  // "chrome-extension://<id>/"
std::string firefox_addon_id();

}  // namespace untrain
