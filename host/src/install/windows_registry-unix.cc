// Elsewhere there is no registry: the build picks this file, and nothing calls it.
#include "core/error.h"
#include "install/windows_registry.h"

namespace untrain {

void set_registry_default(const std::string& key, const std::string&) {
  throw Error(Code::internal, "the Windows registry (" + key + ") exists only on Windows");
}

void remove_registry_key(const std::string& key) {
  throw Error(Code::internal, "the Windows registry (" + key + ") exists only on Windows");
}

std::optional<std::string> registry_default(const std::string& key) {
  throw Error(Code::internal, "the Windows registry (" + key + ") exists only on Windows");
}

}  // namespace untrain
