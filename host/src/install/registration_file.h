// The files of a registration (host manifests, Flatpak wrappers), written and removed as each system does it:
// registration_file-unix.cc (mkstemp, modes, sudo) or registration_file-win32.cc, picked by the build.
#pragma once

#include <filesystem>
#include <string>

#include "install/registration.h"

namespace untrain {

// Writes `content` to `file` through a new temporary file and a rename, so that a browser never reads half a
// manifest, creating its folders; `mode` (0644, 0755) applies where files have modes. `unchanged` when the file
// already holds exactly that. Throws Error(io) with the system's reason.
Change::What write_registration_file(const std::filesystem::path& file, const std::string& content, unsigned mode,
                                     const Registration& how);

// What is at a registration's name, looked at without following a link: nothing, a regular file and its bytes, or
// something else (a link, a folder, a device, a file over 1 MiB), which untrain neither reads through nor removes.
struct FoundFile {
  enum class Kind { none, file, other };
  Kind kind = Kind::none;
  std::string bytes;
};
FoundFile read_registration_file(const std::filesystem::path& file);

// False when there was no file. Throws Error(io).
bool remove_registration_file(const std::filesystem::path& file);

}  // namespace untrain
