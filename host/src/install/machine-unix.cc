// This machine, on Linux and macOS: std::filesystem for traces, $PATH for programs (the build picks this file there).
#include <unistd.h>

#include <cstdlib>
#include <sstream>

#include "install/browser_selection.h"

namespace untrain {

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
