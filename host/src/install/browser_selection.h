// Which browsers a command acts on: the ones named by --browser, or with "all" the ones found on
// this machine. The decision is pure: what the machine holds is asked through the Machine passed
// in, and local_machine() is the one that looks at this computer.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "install/browsers.h"

namespace untrain {

// The facts about a machine that tell whether a browser is there.
struct Machine {
  std::filesystem::path home;
  std::function<bool(const std::filesystem::path&)> exists;
  std::function<bool(const std::string& program)> on_path;
  // Windows: browsers read the registry, so every browser with a registry key is found.
  bool registry = false;
};

// A browser is found when one of its programs is on PATH or one of its traces exists (on Windows:
// when it has a registry key).
bool is_found(const Browser& browser, const Machine& machine);

enum class Selecting {
  found,  // "all" means every browser found (install, doctor)
  every,  // "all" means every row of the table (uninstall, packaging)
};

// "all": the browsers found (or every one). A browser's own name ("firefox"): that browser and
// those of its Flatpak and Snap packages that are found. A package's name ("firefox-flatpak"):
// that one. Throws Error(usage) for a name not in the table.
std::vector<const Browser*> select_browsers(std::string_view name, const Machine& machine, Selecting selecting);

// This machine: std::filesystem for traces, $PATH for programs.
Machine local_machine(const std::filesystem::path& home);

}  // namespace untrain
