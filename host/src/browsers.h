// The browsers untrain can register with: their manifest family and where they look for host
// manifests (docs/deploy.md; ../shared/reference/native-messaging.md lists the sources).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace untrain {

enum class Family { chromium, firefox };

struct Browser {
  std::string name;       // as given to --browser
  Family family;
  std::string user_dir;   // per-user manifest folder, relative to $HOME
};

const std::vector<Browser>& known_browsers();
const Browser* find_browser(std::string_view name);

inline constexpr const char* kHostName = "org.untrain.host";

}  // namespace untrain
