// The browsers untrain can register with: one row per place a browser reads host manifests from
// (the browser itself, or its Flatpak or Snap package), with its manifest family, its folders on
// Linux and macOS, its registry key on Windows, and the traces that show it is installed
// (docs/deploy.md, "Where browsers look", lists them with their sources).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace untrain {

enum class Family { chromium, firefox };

// How the browser is packaged: a sandboxed package reads manifests inside its sandbox.
enum class Packaging { native, flatpak, snap };

enum class Os { gnu_linux, macos, windows };

struct Browser {
  std::string name;  // as given to --browser: "firefox", "firefox-flatpak"
  Family family = Family::chromium;
  std::string user_dir;  // Linux: per-user manifest folder, relative to $HOME
  std::string title;     // for people: "Firefox (Flatpak)"
  std::string base;      // the browser a Flatpak or Snap row is a package of ("firefox"); else name
  Packaging packaging = Packaging::native;
  // Linux, system-wide. The first is always written by `install --system`; the others only where
  // their parent folder exists (/usr/lib64 exists on Fedora, not on Debian).
  std::vector<std::string> system_dirs;
  std::vector<std::string> programs;  // on PATH when installed
  // Folders that exist when the browser is installed or has been used: "~/x" is relative to $HOME.
  std::vector<std::string> traces;
  std::string app_id;  // Flatpak application id, or snap name
  // Firefox family: the folders that may hold profiles.ini, relative to $HOME. Firefox 147 and
  // later keep a new user's profiles under ~/.config/mozilla, yet still read host manifests from
  // ~/.mozilla/native-messaging-hosts.
  std::vector<std::string> profiles_dirs;
  std::string macos_user_dir;    // relative to $HOME
  std::string macos_system_dir;  // absolute; "" when the browser has none
  std::string windows_key;       // under HKCU (per user) or HKLM (--system); "" when none
};

const std::vector<Browser>& known_browsers();
const Browser* find_browser(std::string_view name);

// "chromium, chrome, …, all": for messages that list what --browser accepts.
std::string browser_names();

inline constexpr const char* kHostName = "org.untrain.host";

// The file name every browser looks for: "<host name>.json".
std::string manifest_file_name();

// The system this untrain was built for (platform-<system>.cc, picked by the build).
Os current_os();

// Where the browser reads a user's manifest on that system; nullopt when it has no such folder
// there (a Flatpak row on macOS). On Windows this is where untrain keeps the file that the
// registry value names.
std::optional<std::filesystem::path> user_manifest_dir(const Browser& browser, Os os,
                                                       const std::filesystem::path& home);

// Where it reads system-wide manifests (all candidates; see Browser::system_dirs). Windows: the
// folder untrain keeps the file in, next to its program files.
std::vector<std::filesystem::path> system_manifest_dirs(const Browser& browser, Os os);

// The Windows registry key whose default value is the manifest's path, e.g.
// "HKEY_CURRENT_USER\SOFTWARE\Google\Chrome\NativeMessagingHosts\org.untrain.host".
std::optional<std::string> registry_key(const Browser& browser, bool system);

}  // namespace untrain
