// The doctor's checks on Windows (the build picks this file there): the browser reads the registry value, so that is
// what is checked; the files' ACLs are the profile's own. There is no root: the program is always started.
#include "doctor/doctor_platform.h"
#include "install/windows_registry.h"

namespace untrain {

std::vector<Check> access_checks(const ManifestSite& site, const Account&) {
  auto key = registry_key(*site.browser, site.system);
  if (!key) return {};
  return {registry_check(site, registry_default(*key))};
}

std::optional<Check> refusal_to_launch(const ManifestSite&) { return std::nullopt; }

}  // namespace untrain
