// What differs on Windows: the build picks this file there.
#include <windows.h>

#include <string>

#include "core/error.h"
#include "install/browsers.h"
#include "install/registration.h"

namespace untrain {

Os current_os() { return Os::windows; }

std::filesystem::path running_binary() {
  std::wstring path(MAX_PATH, L'\0');
  for (;;) {
    DWORD n = GetModuleFileNameW(nullptr, path.data(), static_cast<DWORD>(path.size()));
    if (n == 0) throw Error(Outcome::io, "cannot tell where the untrain program is: GetModuleFileNameW failed");
    if (n < path.size()) {
      path.resize(n);
      return path;
    }
    path.resize(path.size() * 2);
  }
}

}  // namespace untrain
