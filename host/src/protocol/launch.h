// Decides from argv whether a browser started us (speak native messaging) or a person did (CLI).
#pragma once

#include <string>
#include <vector>

namespace untrain {

struct Launch {
  enum class Mode { native, cli } mode = Mode::cli;
  std::string caller;  // the extension origin (Chromium) or add-on id (Firefox)
};

// Chromium passes "chrome-extension://<id>/" as argv[1]; Firefox passes the host manifest's
// absolute path and then the add-on id (docs/protocol.md, "Transport").
Launch classify(const std::vector<std::string>& args);

}  // namespace untrain
