#include "install/flatpak.h"

#include <map>
#include <regex>
#include <sstream>

namespace untrain {
namespace {

std::string trim(const std::string& text) {
  auto begin = text.find_first_not_of(" \t\r");
  if (begin == std::string::npos) return "";
  auto end = text.find_last_not_of(" \t\r");
  return text.substr(begin, end - begin + 1);
}

// [group] key=value, later files overriding earlier ones key by key.
using Ini = std::map<std::string, std::map<std::string, std::string>>;

Ini merged(const std::vector<std::string>& files) {
  Ini ini;
  for (const auto& file : files) {
    std::istringstream lines(file);
    std::string line, group;
    while (std::getline(lines, line)) {
      line = trim(line);
      if (line.empty() || line[0] == '#') continue;
      if (line.front() == '[' && line.back() == ']') {
        group = line.substr(1, line.size() - 2);
        continue;
      }
      auto eq = line.find('=');
      if (eq == std::string::npos) continue;
      auto key = trim(line.substr(0, eq));
      auto value = trim(line.substr(eq + 1));
      // Overrides add to the app's filesystems rather than replace them.
      if (group == "Context" && key == "filesystems" && ini[group].count(key)) value = ini[group][key] + ";" + value;
      ini[group][key] = value;
    }
  }
  return ini;
}

std::string shell_quote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

bool under(const std::filesystem::path& path, const std::filesystem::path& folder) {
  auto p = path.lexically_normal().string();
  auto f = folder.lexically_normal().string();
  while (f.size() > 1 && f.back() == '/') f.pop_back();
  if (f == "/") return true;
  return p == f || p.rfind(f + "/", 0) == 0;
}

}  // namespace

std::string flatpak_wrapper(const std::filesystem::path& binary, const std::string& app_id) {
  return "#!/bin/sh\n"
         "# Written by `untrain install` for the Flatpak " +
         app_id +
         ", which starts host programs inside its\n"
         "# sandbox: this asks Flatpak to start untrain on the host. It needs, once:\n"
         "#   " +
         flatpak_grant_command(app_id) +
         "\n"
         "exec flatpak-spawn --host " +
         shell_quote(binary.string()) + " \"$@\"\n";
}

std::optional<std::filesystem::path> flatpak_wrapper_target(const std::string& script) {
  static const std::regex exec_line(R"(^exec flatpak-spawn --host '((?:[^']|'\\'')*)' "\$@"$)");
  std::istringstream lines(script);
  std::string line;
  while (std::getline(lines, line)) {
    std::smatch match;
    if (std::regex_match(line, match, exec_line)) {
      // Undo shell_quote: each '\'' stands for one quote.
      std::string quoted = match[1].str(), path;
      for (std::size_t i = 0; i < quoted.size(); ++i) {
        path += quoted[i];
        if (quoted.compare(i, 4, "'\\''") == 0) i += 3;
      }
      return std::filesystem::path(path);
    }
  }
  return std::nullopt;
}

bool flatpak_may_spawn_on_host(const std::vector<std::string>& ini_files) {
  auto ini = merged(ini_files);
  auto& policy = ini["Session Bus Policy"];
  auto it = policy.find("org.freedesktop.Flatpak");
  return it != policy.end() && (it->second == "talk" || it->second == "own");
}

std::string flatpak_grant_command(const std::string& app_id) {
  return "flatpak override --user --talk-name=org.freedesktop.Flatpak " + app_id;
}

bool flatpak_sees(const std::filesystem::path& path, const std::filesystem::path& home, const std::string& app_id,
                  const std::vector<std::string>& ini_files) {
  if (under(path, home / ".var" / "app" / app_id)) return true;
  for (const char* hidden : {"/usr", "/lib", "/lib32", "/lib64", "/bin", "/sbin", "/etc", "/app", "/proc", "/dev"}) {
    if (under(path, hidden)) return false;
  }
  static const std::map<std::string, std::string> xdg = {
      {"xdg-data", ".local/share"},  {"xdg-config", ".config"},      {"xdg-cache", ".cache"},
      {"xdg-download", "Downloads"}, {"xdg-documents", "Documents"}, {"xdg-desktop", "Desktop"},
  };
  auto ini = merged(ini_files);
  std::istringstream entries(ini["Context"]["filesystems"]);
  std::string entry;
  bool seen = false;
  while (std::getline(entries, entry, ';')) {
    entry = trim(entry);
    bool negated = !entry.empty() && entry[0] == '!';
    if (negated) entry.erase(0, 1);
    if (auto colon = entry.find(':'); colon != std::string::npos) entry.erase(colon);  // :ro, :rw, :create
    std::optional<std::filesystem::path> exposed;
    if (entry == "host") exposed = "/";
    else if (entry == "home" || entry == "~") exposed = home;
    else if (entry.rfind("~/", 0) == 0) exposed = home / entry.substr(2);
    else if (!entry.empty() && entry[0] == '/') exposed = entry;
    else if (auto slash = entry.find('/'); xdg.count(entry.substr(0, slash))) {
      exposed = home / xdg.at(entry.substr(0, slash));
      if (slash != std::string::npos) *exposed /= entry.substr(slash + 1);
    }
    if (exposed && under(path, *exposed)) seen = !negated;
  }
  return seen;
}

}  // namespace untrain
