// Linux and macOS (the build picks this file there): arguments, variables and paths are bytes, used as they are.
#include <cstdlib>

#include "core/utf8.h"

namespace untrain {

std::vector<std::string> utf8_arguments(int argc, char** argv) { return {argv, argv + argc}; }

std::optional<std::string> getenv_utf8(const char* name) {
  const char* value = std::getenv(name);
  if (!value || !*value) return std::nullopt;
  return std::string(value);
}

std::filesystem::path path_from_utf8(std::string_view text) { return std::filesystem::path(text); }

std::string utf8_of(const std::filesystem::path& path) { return path.string(); }

}  // namespace untrain
