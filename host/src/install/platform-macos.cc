// What differs on macOS: the build picks this file there.
#include <mach-o/dyld.h>

#include <cstdint>

#include "core/error.h"
#include "install/browsers.h"
#include "install/registration.h"

namespace untrain {

Os current_os() { return Os::macos; }

std::filesystem::path running_binary() {
  char buffer[4096];
  std::uint32_t size = sizeof buffer;
  if (_NSGetExecutablePath(buffer, &size) != 0) throw Error(Outcome::io, "cannot tell where the untrain binary is");
  std::error_code ec;
  auto path = std::filesystem::canonical(buffer, ec);
  if (ec) throw Error(Outcome::io, "cannot tell where the untrain binary is: " + ec.message());
  return path;
}

}  // namespace untrain
