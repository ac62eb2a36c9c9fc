// The native-messaging host manifest untrain writes for a browser, and installing or removing it.
#pragma once

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "browsers.h"

namespace untrain {

// Pure: the manifest's content. Chromium's family lists allowed_origins (with the trailing '/'
// Chromium requires); Firefox's lists allowed_extensions and rejects allowed_origins.
nlohmann::json host_manifest(Family family, const std::filesystem::path& binary);

// Writes <dir>/org.untrain.host.json (creating dir), returns the file written.
std::filesystem::path install_manifest(Family family, const std::filesystem::path& dir,
                                       const std::filesystem::path& binary);

// Removes it; returns whether there was one.
bool uninstall_manifest(const std::filesystem::path& dir);

// The running binary's absolute path (/proc/self/exe), which the manifest must name.
std::filesystem::path running_binary();

}  // namespace untrain
