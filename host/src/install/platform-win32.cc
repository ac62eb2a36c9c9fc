// What differs on Windows: the build picks this file there.
#include "core/error.h"
#include "install/browsers.h"
#include "install/registration.h"

namespace untrain {

Os current_os() { return Os::windows; }

// As before the platform files were split: there is no /proc here, so this fails and
// `untrain install --binary` must name the program.
std::filesystem::path running_binary() {
  std::error_code ec;
  auto path = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) throw Error(Outcome::io, "cannot tell where the untrain binary is: " + ec.message());
  return path;
}

}  // namespace untrain
