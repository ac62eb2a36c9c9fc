#include "protocol/reply.h"

#include "protocol/frame.h"

namespace untrain {

namespace {
// Replies may carry page URLs with any bytes the browser sent; never let a dump fail on them.
std::string dump(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}
}  // namespace

std::string success_reply(const nlohmann::json& id, const nlohmann::json& result) {
  return dump({{"id", id}, {"ok", true}, {"result", result}});
}

std::string error_reply(const nlohmann::json& id, Code code, const std::string& message) {
  return dump({{"id", id}, {"ok", false}, {"error", {{"code", code_name(code)}, {"message", message}}}});
}

std::string fit_reply(const nlohmann::json& id, std::string body) {
  if (body.size() <= kMaxFrame) return body;
  return error_reply(id, Code::reply_too_large,
                     "the reply would be " + std::to_string(body.size()) + " bytes, over the 1 MiB limit");
}

}  // namespace untrain
