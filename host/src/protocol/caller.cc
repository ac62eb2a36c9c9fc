#include "protocol/caller.h"

#include <string>

#include "core/extension_identity.h"

namespace untrain {

bool is_allowed_caller(std::string_view caller) {
  // Derived from the embedded manifest, so the allow-list cannot drift from the manifests we write.
  static const std::string origin = extension_origin();
  static const std::string addon = firefox_addon_id();
  if (caller == origin || caller == addon) return true;
  return caller.size() + 1 == origin.size() && origin.compare(0, caller.size(), caller) == 0;
}

}  // namespace untrain
