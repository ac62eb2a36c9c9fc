// What `untrain doctor` checks differently on each system, picked by the build: doctor_platform-unix.cc (file
// owners and modes; a doctor run as root does not start a program others can swap) or doctor_platform-win32.cc (the
// registry value each browser reads).
#pragma once

#include <optional>
#include <vector>

#include "doctor/doctor_checks.h"

namespace untrain {

// Who can read and change the manifest (Linux, macOS), or whether the registry names it (Windows).
std::vector<Check> access_checks(const ManifestSite& site, const Account& account);

// A reason not to start the program the manifest names, here and now; nullopt to go ahead.
std::optional<Check> refusal_to_launch(const ManifestSite& site);

}  // namespace untrain
