#include "install/browser_selection.h"

#include <unistd.h>

#include <cstdlib>
#include <sstream>

#include "core/error.h"

namespace untrain {

bool is_found(const Browser& browser, const Machine& machine) {
  for (const auto& program : browser.programs) {
    if (machine.on_path(program)) return true;
  }
  for (const auto& trace : browser.traces) {
    auto path = trace.rfind("~/", 0) == 0 ? machine.home / trace.substr(2) : std::filesystem::path(trace);
    if (machine.exists(path)) return true;
  }
  return false;
}

std::vector<const Browser*> select_browsers(std::string_view name, const Machine& machine, Selecting selecting) {
  std::vector<const Browser*> selected;
  if (name == "all") {
    for (const auto& browser : known_browsers()) {
      if (selecting == Selecting::every || is_found(browser, machine)) selected.push_back(&browser);
    }
    return selected;
  }
  const Browser* named = find_browser(name);
  if (!named) throw Error(Outcome::usage, "unknown browser '" + std::string(name) + "': use one of " + browser_names());
  selected.push_back(named);
  if (named->packaging != Packaging::native) return selected;
  for (const auto& package : known_browsers()) {
    if (package.base == named->name && &package != named &&
        (selecting == Selecting::every || is_found(package, machine))) {
      selected.push_back(&package);
    }
  }
  return selected;
}

Machine local_machine(const std::filesystem::path& home) {
  Machine machine;
  machine.home = home;
  machine.exists = [](const std::filesystem::path& path) {
    std::error_code ec;
    return std::filesystem::exists(path, ec);
  };
  machine.on_path = [](const std::string& program) {
    const char* path = std::getenv("PATH");
    std::istringstream dirs(path ? path : "");
    std::string dir;
    while (std::getline(dirs, dir, ':')) {
      if (dir.empty()) continue;
      auto candidate = std::filesystem::path(dir) / program;
      if (::access(candidate.c_str(), X_OK) == 0) return true;
    }
    return false;
  };
  return machine;
}

}  // namespace untrain
