// What differs on GNU/Linux (and the other systems with /proc): the build picks this file there.
#include "core/error.h"
#include "install/browsers.h"
#include "install/registration.h"

namespace untrain {

Os current_os() { return Os::gnu_linux; }

std::filesystem::path running_binary() {
  std::error_code ec;
  auto path = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) throw Error(Outcome::io, "cannot tell where the untrain binary is: " + ec.message());
  return path;
}

}  // namespace untrain
