#include "install/browsers.h"

namespace untrain {
namespace {

Browser row(const std::string& name, Family family, const std::string& user_dir, const std::string& title) {
  Browser b;
  b.name = name;
  b.family = family;
  b.user_dir = user_dir;
  b.title = title;
  return b;
}

// A Flatpak browser reads inside ~/.var/app/<id>: Chromium's family under its XDG config folder
// (config/), Firefox's family under its own dot-folder.
Browser flatpak(const std::string& base, const std::string& title, Family family, const std::string& app_id,
                const std::string& inside, const std::string& profiles = "") {
  std::string root = ".var/app/" + app_id + "/";
  Browser b = row(base + "-flatpak", family, root + inside, title + " (Flatpak)");
  b.base = base;
  b.packaging = Packaging::flatpak;
  b.traces = {"~/.var/app/" + app_id, "/var/lib/flatpak/app/" + app_id, "~/.local/share/flatpak/app/" + app_id};
  b.app_id = app_id;
  if (!profiles.empty()) b.profiles_dirs = {root + profiles};
  return b;
}

std::vector<Browser> table() {
  std::vector<Browser> all;
  auto add = [&](Browser b) -> Browser& {
    if (b.base.empty()) b.base = b.name;
    all.push_back(std::move(b));
    return all.back();
  };

  auto& chromium = add(row("chromium", Family::chromium, ".config/chromium/NativeMessagingHosts", "Chromium"));
  chromium.system_dirs = {"/etc/chromium/native-messaging-hosts"};
  chromium.programs = {"chromium", "chromium-browser"};
  chromium.traces = {"~/.config/chromium"};
  chromium.macos_user_dir = "Library/Application Support/Chromium/NativeMessagingHosts";
  chromium.macos_system_dir = "/Library/Application Support/Chromium/NativeMessagingHosts";
  chromium.windows_key = "SOFTWARE\\Chromium\\NativeMessagingHosts";

  auto& chrome = add(row("chrome", Family::chromium, ".config/google-chrome/NativeMessagingHosts", "Google Chrome"));
  chrome.system_dirs = {"/etc/opt/chrome/native-messaging-hosts"};
  chrome.programs = {"google-chrome", "google-chrome-stable"};
  chrome.traces = {"~/.config/google-chrome", "/opt/google/chrome"};
  chrome.macos_user_dir = "Library/Application Support/Google/Chrome/NativeMessagingHosts";
  chrome.macos_system_dir = "/Library/Google/Chrome/NativeMessagingHosts";
  chrome.windows_key = "SOFTWARE\\Google\\Chrome\\NativeMessagingHosts";

  auto& edge = add(row("edge", Family::chromium, ".config/microsoft-edge/NativeMessagingHosts", "Microsoft Edge"));
  edge.system_dirs = {"/etc/opt/edge/native-messaging-hosts"};
  edge.programs = {"microsoft-edge", "microsoft-edge-stable"};
  edge.traces = {"~/.config/microsoft-edge", "/opt/microsoft/msedge"};
  edge.macos_user_dir = "Library/Application Support/Microsoft Edge/NativeMessagingHosts";
  edge.macos_system_dir = "/Library/Microsoft/Edge/NativeMessagingHosts";
  edge.windows_key = "SOFTWARE\\Microsoft\\Edge\\NativeMessagingHosts";

  // Brave, Vivaldi and Opera read Chrome's registry key on Windows.
  auto& brave =
      add(row("brave", Family::chromium, ".config/BraveSoftware/Brave-Browser/NativeMessagingHosts", "Brave"));
  brave.programs = {"brave-browser", "brave"};
  brave.traces = {"~/.config/BraveSoftware/Brave-Browser", "/opt/brave.com/brave"};
  brave.macos_user_dir = "Library/Application Support/BraveSoftware/Brave-Browser/NativeMessagingHosts";
  brave.windows_key = "SOFTWARE\\Google\\Chrome\\NativeMessagingHosts";

  auto& vivaldi = add(row("vivaldi", Family::chromium, ".config/vivaldi/NativeMessagingHosts", "Vivaldi"));
  // Sources disagree on Vivaldi's system folder; both are written where they can be.
  vivaldi.system_dirs = {"/etc/opt/vivaldi/native-messaging-hosts", "/etc/vivaldi/native-messaging-hosts"};
  vivaldi.programs = {"vivaldi", "vivaldi-stable"};
  vivaldi.traces = {"~/.config/vivaldi", "/opt/vivaldi"};
  vivaldi.macos_user_dir = "Library/Application Support/Vivaldi/NativeMessagingHosts";
  vivaldi.windows_key = "SOFTWARE\\Google\\Chrome\\NativeMessagingHosts";

  auto& opera = add(row("opera", Family::chromium, ".config/opera/NativeMessagingHosts", "Opera"));
  opera.programs = {"opera"};
  opera.traces = {"~/.config/opera", "/usr/lib/x86_64-linux-gnu/opera"};
  opera.macos_user_dir = "Library/Application Support/com.operasoftware.Opera/NativeMessagingHosts";
  opera.windows_key = "SOFTWARE\\Google\\Chrome\\NativeMessagingHosts";

  auto& firefox = add(row("firefox", Family::firefox, ".mozilla/native-messaging-hosts", "Firefox"));
  firefox.system_dirs = {"/usr/lib/mozilla/native-messaging-hosts", "/usr/lib64/mozilla/native-messaging-hosts"};
  firefox.programs = {"firefox", "firefox-esr"};
  firefox.traces = {"~/.mozilla/firefox", "~/.config/mozilla/firefox"};
  firefox.profiles_dirs = {".mozilla/firefox", ".config/mozilla/firefox"};
  firefox.macos_user_dir = "Library/Application Support/Mozilla/NativeMessagingHosts";
  firefox.macos_system_dir = "/Library/Application Support/Mozilla/NativeMessagingHosts";
  firefox.windows_key = "SOFTWARE\\Mozilla\\NativeMessagingHosts";

  auto& librewolf = add(row("librewolf", Family::firefox, ".librewolf/native-messaging-hosts", "LibreWolf"));
  librewolf.system_dirs = {"/usr/lib/librewolf/native-messaging-hosts"};
  librewolf.programs = {"librewolf"};
  librewolf.traces = {"~/.librewolf"};
  librewolf.profiles_dirs = {".librewolf"};
  librewolf.macos_user_dir = "Library/Application Support/LibreWolf/NativeMessagingHosts";
  librewolf.windows_key = "SOFTWARE\\Mozilla\\NativeMessagingHosts";

  add(flatpak("chromium", "Chromium", Family::chromium, "org.chromium.Chromium",
              "config/chromium/NativeMessagingHosts"));
  add(flatpak("chrome", "Google Chrome", Family::chromium, "com.google.Chrome",
              "config/google-chrome/NativeMessagingHosts"));
  add(flatpak("edge", "Microsoft Edge", Family::chromium, "com.microsoft.Edge",
              "config/microsoft-edge/NativeMessagingHosts"));
  add(flatpak("brave", "Brave", Family::chromium, "com.brave.Browser",
              "config/BraveSoftware/Brave-Browser/NativeMessagingHosts"));
  add(flatpak("vivaldi", "Vivaldi", Family::chromium, "com.vivaldi.Vivaldi", "config/vivaldi/NativeMessagingHosts"));
  add(flatpak("firefox", "Firefox", Family::firefox, "org.mozilla.firefox", ".mozilla/native-messaging-hosts",
              ".mozilla/firefox"));
  add(flatpak("librewolf", "LibreWolf", Family::firefox, "io.gitlab.librewolf-community",
              ".librewolf/native-messaging-hosts", ".librewolf"));

  auto& firefox_snap = add(
      row("firefox-snap", Family::firefox, "snap/firefox/common/.mozilla/native-messaging-hosts", "Firefox (Snap)"));
  firefox_snap.base = "firefox";
  firefox_snap.packaging = Packaging::snap;
  firefox_snap.traces = {"~/snap/firefox", "/snap/firefox"};
  firefox_snap.app_id = "firefox";
  firefox_snap.profiles_dirs = {"snap/firefox/common/.mozilla/firefox"};
  return all;
}

}  // namespace

const std::vector<Browser>& known_browsers() {
  static const std::vector<Browser> browsers = table();
  return browsers;
}

const Browser* find_browser(std::string_view name) {
  for (const auto& browser : known_browsers()) {
    if (browser.name == name) return &browser;
  }
  return nullptr;
}

std::string browser_names() {
  std::string names;
  for (const auto& browser : known_browsers()) names += browser.name + ", ";
  return names + "all";
}

std::string manifest_file_name() { return std::string(kHostName) + ".json"; }

std::optional<std::filesystem::path> user_manifest_dir(const Browser& browser, Os os,
                                                       const std::filesystem::path& home) {
  switch (os) {
    case Os::gnu_linux: return home / browser.user_dir;
    case Os::macos:
      if (browser.macos_user_dir.empty()) return std::nullopt;
      return home / browser.macos_user_dir;
    case Os::windows:
      // The registry names the file; untrain keeps it with its other per-user data (%LOCALAPPDATA%\untrain). One
      // file per family: Brave, Vivaldi and Opera read Chrome's key, so they must all name the same manifest.
      if (browser.windows_key.empty()) return std::nullopt;
      return home / "AppData" / "Local" / "untrain" / "NativeMessagingHosts" /
             (browser.family == Family::firefox ? "firefox" : "chromium");
  }
  return std::nullopt;
}

std::vector<std::filesystem::path> system_manifest_dirs(const Browser& browser, Os os) {
  std::vector<std::filesystem::path> dirs;
  switch (os) {
    case Os::gnu_linux:
      for (const auto& dir : browser.system_dirs) dirs.emplace_back(dir);
      break;
    case Os::macos:
      if (!browser.macos_system_dir.empty()) dirs.emplace_back(browser.macos_system_dir);
      break;
    case Os::windows:
      if (!browser.windows_key.empty())
        dirs.emplace_back(std::string("C:\\ProgramData\\untrain\\NativeMessagingHosts\\") +
                          (browser.family == Family::firefox ? "firefox" : "chromium"));
      break;
  }
  return dirs;
}

std::optional<std::string> registry_key(const Browser& browser, bool system) {
  if (browser.windows_key.empty()) return std::nullopt;
  return std::string(system ? "HKEY_LOCAL_MACHINE\\" : "HKEY_CURRENT_USER\\") + browser.windows_key + "\\" + kHostName;
}

}  // namespace untrain
