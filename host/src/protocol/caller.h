// Who may start the host: the browser names its caller in argv, and only untrain's own extension
// (the ids in the embedded extension/manifest.json, the same ones the host manifests allow) is served.
#pragma once

#include <string_view>

namespace untrain {

// True for "chrome-extension://<our id>/" (the trailing slash optional, as Chromium has written it
// both ways) and for our Firefox add-on id; false for everything else, the empty string included.
bool is_allowed_caller(std::string_view caller);

}  // namespace untrain
