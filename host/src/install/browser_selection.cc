#include "install/browser_selection.h"

#include "core/error.h"

namespace untrain {

bool is_found(const Browser& browser, const Machine& machine) {
  if (machine.registry) return !browser.windows_key.empty();
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
}  // namespace untrain
