// The Windows registry values that tell Chromium-family browsers and Firefox where a host manifest
// is: the default value of HKCU\ or HKLM\<browser's key>\org.untrain.host (docs/deploy.md).
// Only Windows has them; elsewhere these throw Error(internal), and nothing calls them.
// windows_registry-win32.cc, or windows_registry-unix.cc elsewhere.
#pragma once

#include <optional>
#include <string>

namespace untrain {

// key: "HKEY_CURRENT_USER\SOFTWARE\...\org.untrain.host" (browsers.h, registry_key()).
void set_registry_default(const std::string& key, const std::string& value);
void remove_registry_key(const std::string& key);
// The key's default value, or nullopt when the key (or its value) is missing.
std::optional<std::string> registry_default(const std::string& key);

}  // namespace untrain
