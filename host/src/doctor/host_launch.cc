// What starting a host is the same for on every system: the browsers' arguments and how stray bytes are shown.
// say_hello() itself is in host_launch-unix.cc or host_launch-win32.cc, picked by the build.
#include "doctor/host_launch.h"

#include <cstdio>

namespace untrain {

std::vector<std::string> chromium_launch_args(const std::string& origin) { return {origin}; }

std::vector<std::string> firefox_launch_args(const std::filesystem::path& manifest, const std::string& addon_id) {
  return {manifest.string(), addon_id};
}

std::string printable_bytes(const std::string& bytes) {
  std::string text;
  for (unsigned char c : bytes.substr(0, 80)) {
    if (c == '\n') text += "\\n";
    else if (c >= 0x20 && c < 0x7f) text += static_cast<char>(c);
    else {
      char hex[5];
      std::snprintf(hex, sizeof hex, "\\x%02x", c);
      text += hex;
    }
  }
  return text;
}

}  // namespace untrain
