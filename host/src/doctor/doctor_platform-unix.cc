// The doctor's checks of file owners and modes, and of who runs it (Linux, macOS; the build picks this file there).
#include <unistd.h>

#include "doctor/doctor_platform.h"

namespace untrain {

std::vector<Check> access_checks(const ManifestSite& site, const Account& account) {
  return permission_checks(site, account);
}

std::optional<Check> refusal_to_launch(const ManifestSite& site) { return launch_refusal(site, ::geteuid()); }

}  // namespace untrain
