#include "protocol/launch.h"

#include <filesystem>

namespace untrain {
namespace {

bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

// Firefox's first argument is the manifest's absolute path: "/…" here, "C:\…" on Windows.
Launch classify(const std::vector<std::string>& args) {
  if (args.size() >= 2 && args[1].rfind("chrome-extension://", 0) == 0) {
    return {Launch::Mode::native, args[1]};
  }
  if (args.size() >= 3 && std::filesystem::path(args[1]).is_absolute() && ends_with(args[1], ".json")) {
    return {Launch::Mode::native, args[2]};
  }
  return {Launch::Mode::cli, ""};
}

}  // namespace untrain
