// Shapes replies as docs/protocol.md says: {"id","ok":true,"result"} or {"id","ok":false,"error"}.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/error.h"

namespace untrain {

std::string success_reply(const nlohmann::json& id, const nlohmann::json& result);
std::string error_reply(const nlohmann::json& id, Code code, const std::string& message);

// The reply to send for `body`: itself when it fits in a frame, else a reply_too_large error.
std::string fit_reply(const nlohmann::json& id, std::string body);

}  // namespace untrain
