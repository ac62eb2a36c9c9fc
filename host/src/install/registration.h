// Registers untrain with browsers and removes it again: writes or removes each browser's host
// manifest (a Flatpak browser also gets the wrapper of flatpak.h; on Windows the registry value
// that names the file), in the person's folders and owned by them, or in the system folders.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "install/account.h"
#include "install/browsers.h"

namespace untrain {

struct Registration {
  bool system = false;                                // the system-wide folders instead of the person's
  std::optional<std::filesystem::path> manifest_dir;  // this one folder instead of the browser's own
  std::optional<std::filesystem::path> destdir;       // stage under this root, as for a package
  std::filesystem::path binary;                       // the program the manifests name
  Account account;                                    // whose folders; via sudo, files are chowned to them
};

struct Change {
  // not_ours: something is at the file's name that untrain did not write (another program's file, a link, a
  // folder); uninstall leaves it as it is and says so.
  enum class What { wrote, unchanged, removed, absent, skipped, not_ours };
  std::string browser;
  What what;
  std::filesystem::path file;  // the file written or removed (empty for skipped)
  std::string note;            // a sentence for the person, e.g. the Flatpak permission to grant
};

// Pure: the folders a browser's manifest goes into. System-wide: the browser's first system
// folder, and the others whose parent folder `exists` (under destdir when staging); none for a
// browser without one.
std::vector<std::filesystem::path> registration_dirs(const Browser& browser, const Registration& how,
                                                     const std::function<bool(const std::filesystem::path&)>& exists);

std::vector<Change> register_browser(const Browser& browser, const Registration& how);
std::vector<Change> unregister_browser(const Browser& browser, const Registration& how);

// One line a person reads: "chromium: wrote /home/jane/.config/chromium/NativeMessagingHosts/org.untrain.host.json".
std::string describe(const Change& change);

// The running binary's absolute path, which the manifests name (platform-<system>.cc).
std::filesystem::path running_binary();

}  // namespace untrain
