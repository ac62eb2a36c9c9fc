// This machine, on Windows (the build picks this file there): browsers are registered through HKEY_CURRENT_USER,
// where a key costs nothing and a browser installed later finds it, so every browser with a registry key counts as
// found.
#include "install/browser_selection.h"

namespace untrain {

Machine local_machine(const std::filesystem::path& home) {
  Machine machine;
  machine.home = home;
  machine.registry = true;
  machine.exists = [](const std::filesystem::path& path) {
    std::error_code ec;
    return std::filesystem::exists(path, ec);
  };
  machine.on_path = [](const std::string&) { return false; };
  return machine;
}

}  // namespace untrain
