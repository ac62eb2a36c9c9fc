// The native-messaging host manifest untrain gives a browser: the family's template from
// manifests/ (compiled in by host/src/core/embed.cmake) filled with the host name, the program's path and
// the extension's identity. Pure; registration.h writes it.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "install/browsers.h"

namespace untrain {

// Chromium's family lists allowed_origins (with the trailing '/' Chromium requires); Firefox's
// lists allowed_extensions and rejects allowed_origins.
nlohmann::json host_manifest(Family family, const std::filesystem::path& program);

// The file's bytes: the manifest, indented, with a final newline.
std::string host_manifest_text(Family family, const std::filesystem::path& program);

// Whether a file's bytes are a host manifest for untrain (a JSON object whose "name" is kHostName), whoever's program
// it names: what uninstall checks before it removes a file at the manifest's name.
bool is_untrain_manifest(const std::string& text);

}  // namespace untrain
